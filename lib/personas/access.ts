import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { type DbOrTx, queryRows } from "@/db";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { caseMembers, casePersonas, cases, evidence, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { caseVisibleTo, loadCase, visibleCaseIds, visibilityShape } from "@/lib/cases/access";
import { AppError } from "@/lib/errors";
import { uuidArray } from "@/lib/sql";

/**
 * Need-to-know for personas, the SQL twin of canSeePersona: a persona is visible when it sits in
 * at least one case the actor may see, or in no case at all (then it is shared knowledge for
 * every role with persona:read). Admins and managers see every case, so every persona.
 *
 * Three shapes of the same rule, for the three sizes of question:
 * - default: correlated EXISTS, for a handful of rows (one persona, the holders of an identifier);
 * - `perRow`: the same, kept a per-row index lookup (see below), for a graph's few hundred rows;
 * - `many`: for a whole table (lists, networks): the personas of the actor's visible cases as one
 *   set built from the actor's side (visibleCaseIds), and "in no case" read from the persona
 *   row's case_count. The default shape made PostgreSQL test every case-persona pair against
 *   the actor (1.2 s for an investigator's persona list over 200,000 personas).
 */
export function personaVisibleTo(
  actor: Actor,
  personaId: SQL | AnyPgColumn = personas.id,
  { perRow = false, many = false } = {},
): SQL | undefined {
  const visibleCase = caseVisibleTo(actor);
  const caseIds = visibleCaseIds(actor);
  if (!visibleCase || !caseIds) return undefined;
  if (many) {
    // case_count lives on the persona row, so it needs the personas table itself in scope.
    const inNoCase =
      personaId === personas.id
        ? sql`${personas}.case_count = 0`
        : sql`not exists (select 1 from ${casePersonas} where ${casePersonas.personaId} = ${personaId})`;
    return sql`(${inNoCase} or ${personaId} in (select ${casePersonas.personaId} from ${casePersonas} where ${casePersonas.caseId} in (${caseIds})))`;
  }
  // perRow: for a few hundred rows at most. PostgreSQL may otherwise answer each EXISTS by hashing
  // every case-persona row once (right for a whole table, 100 ms wasted for a graph's few rows);
  // an OFFSET keeps each one a per-row index lookup.
  const only = perRow ? sql` offset 0` : sql``;
  return sql`(not exists (select 1 from ${casePersonas} where ${casePersonas.personaId} = ${personaId}${only})
    or exists (select 1 from ${casePersonas} inner join ${cases} on ${cases.id} = ${casePersonas.caseId}
               where ${casePersonas.personaId} = ${personaId} and ${visibleCase}${only}))`;
}

export type PersonaRow = typeof personas.$inferSelect;

/** Loads a persona the actor may see; missing and hidden personas both answer not_found. */
export async function loadPersona(
  runner: DbOrTx,
  actor: Actor,
  personaId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PersonaRow> {
  authorize(actor, "persona:read");
  const base = runner
    .select()
    .from(personas)
    .where(and(eq(personas.id, personaId), personaVisibleTo(actor)));
  // Prepared: every persona operation starts here, and the visibility rule is costlier to plan than
  // to run. One name per distinct SQL text: the rule's text depends on the role group.
  const name = `load_persona${options.forUpdate ? "_for_update" : ""}_${visibilityShape(actor)}`;
  const [row] = await (options.forUpdate ? base.for("update") : base).prepare(name).execute();
  if (!row) throw AppError.notFound("Persona");
  return row;
}

/**
 * Observers only read. An investigator changes a persona (its fields, claims, red flags, links)
 * when it sits in no case, or in at least one case they lead or work on as a non-observer member;
 * a persona seen only through cases they observe answers 403. Admins change every persona; other
 * roles are refused by persona:write before this is asked.
 */
export async function canWritePersonas(
  runner: DbOrTx,
  actor: Actor,
  personaIds: readonly string[],
): Promise<Set<string>> {
  if (actor.role !== "investigator") return new Set(can(actor, "persona:write") ? personaIds : []);
  if (personaIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    runner,
    sql`select p.id from ${personas} p where p.id = any(${uuidArray(personaIds)}) and (p.case_count = 0 or exists (
          select 1 from ${casePersonas} cp join ${cases} c on c.id = cp.case_id
          where cp.persona_id = p.id and (c.lead_id = ${actor.id} or exists (
            select 1 from ${caseMembers} m where m.case_id = c.id and m.user_id = ${actor.id} and m.role <> 'observer'))))`,
  );
  return new Set(rows.map((r) => r.id));
}

export async function assertPersonaWritable(runner: DbOrTx, actor: Actor, personaId: string): Promise<void> {
  if (!(await canWritePersonas(runner, actor, [personaId])).has(personaId)) {
    throw new AppError("forbidden", "You only observe the cases this persona is in; observers cannot change it");
  }
}

/** Cases of these personas that the actor may see, with the persona's role there. */
export async function visibleCasesOf(runner: DbOrTx, actor: Actor, personaIds: readonly string[]) {
  if (personaIds.length === 0) return [];
  return runner
    .select({
      personaId: casePersonas.personaId,
      role: casePersonas.role,
      id: cases.id,
      ref: cases.ref,
      title: cases.title,
      status: cases.status,
    })
    .from(casePersonas)
    .innerJoin(cases, eq(cases.id, casePersonas.caseId))
    .where(and(sql`${casePersonas.personaId} = any(${uuidArray(personaIds)})`, caseVisibleTo(actor)))
    .orderBy(cases.ref);
}

/**
 * An evidence item given as a source or photo must exist and be readable by the actor; anything
 * else is bad input (not 404: the record being changed is the persona, not the evidence).
 */
export async function assertEvidenceUsable(
  runner: DbOrTx,
  actor: Actor,
  evidenceId: string | null | undefined,
  path: string,
): Promise<void> {
  if (!evidenceId) return;
  const [item] = await runner
    .select({ caseId: evidence.caseId })
    .from(evidence)
    .where(and(eq(evidence.id, evidenceId), isNull(evidence.deletedAt)));
  const problem = new AppError("bad_request", "No evidence item with that id in a case you can see", [
    { path, message: "Unknown evidence item" },
  ]);
  if (!item) throw problem;
  const { access } = await loadCase(runner, actor, item.caseId).catch(() => {
    throw problem;
  });
  if (!can(actor, "evidence:read_metadata", { case: access })) throw problem;
}
