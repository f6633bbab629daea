import { and, eq, exists, or, type Placeholder, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx, preparedStatement } from "@/db";
import { caseMembers, cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

const isMember = (actor: Actor) =>
  exists(
    sql`(select 1 from ${caseMembers} where ${caseMembers.caseId} = ${cases.id} and ${caseMembers.userId} = ${actor.id})`,
  );

/** SQL twin of policy.seesCase, for list queries: the cases this actor may see. */
export function caseVisibleTo(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "admin":
    case "manager":
      return undefined;
    case "investigator":
      return or(eq(cases.leadId, actor.id), isMember(actor));
    case "legal":
      return or(isMember(actor), eq(cases.status, "referred"));
  }
}

/**
 * Which text caseVisibleTo (and visibleCaseIds) give for this actor: the SQL differs by role group,
 * while the actor's id is only a parameter. A prepared statement whose SQL embeds the rule must be
 * named per shape: PostgreSQL keeps one plan per name, so one name for two texts is wrong.
 */
export function visibilityShape(actor: Actor): "all" | "investigator" | "legal" {
  return actor.role === "admin" || actor.role === "manager" ? "all" : actor.role;
}

/**
 * The ids of exactly the cases caseVisibleTo admits, gathered from the actor's side (cases they
 * lead, cases they are a member of, for legal every referred case) through those indexes rather
 * than by testing every case; undefined when every case is visible. For whole-table questions
 * such as "which personas may this actor see".
 */
export function visibleCaseIds(actor: Actor): SQL | undefined {
  const memberOf = sql`select ${caseMembers.caseId} from ${caseMembers} where ${caseMembers.userId} = ${actor.id}`;
  switch (actor.role) {
    case "admin":
    case "manager":
      return undefined;
    case "investigator":
      return sql`select ${cases.id} from ${cases} where ${cases.leadId} = ${actor.id} union all ${memberOf}`;
    case "legal":
      return sql`${memberOf} union all select ${cases.id} from ${cases} where ${cases.status} = 'referred'`;
  }
}

/**
 * The ids of the cases whose evidence the actor may open (the SQL twin of evidence:read_content):
 * undefined for every case, null for none (managers never open evidence; legal only as members).
 */
export function contentCaseIds(actor: Actor): SQL | undefined | null {
  switch (actor.role) {
    case "admin":
      return undefined;
    case "manager":
      return null;
    case "investigator":
      return visibleCaseIds(actor);
    case "legal":
      return sql`select ${caseMembers.caseId} from ${caseMembers} where ${caseMembers.userId} = ${actor.id}`;
  }
}

export interface LoadedCase {
  row: typeof cases.$inferSelect;
  access: CaseAccess;
}

/** The case with the actor's own membership; the values may be placeholders of a prepared statement. */
const caseWithMembership = (runner: DbOrTx, actorId: string | Placeholder, caseId: string | Placeholder) =>
  runner
    .select({ row: cases, memberRole: caseMembers.role })
    .from(cases)
    .leftJoin(caseMembers, and(eq(caseMembers.caseId, cases.id), eq(caseMembers.userId, actorId)))
    .where(eq(cases.id, caseId));

// Every case-scoped request starts here, outside a transaction: that read is prepared once.
const loadCaseStatement = preparedStatement((database) =>
  caseWithMembership(database, sql.placeholder("actorId"), sql.placeholder("caseId")).prepare("load_case"),
);

/**
 * Loads a case with what the policy needs to judge the actor. Missing and invisible cases both
 * answer not_found. `forUpdate` locks the row for the rest of the transaction.
 */
export async function loadCase(
  runner: DbOrTx,
  actor: Actor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedCase> {
  let found: { row: typeof cases.$inferSelect; memberRole: CaseAccess["memberRole"] } | undefined;
  if (runner === db && !options.forUpdate) [found] = await loadCaseStatement().execute({ actorId: actor.id, caseId });
  else {
    // A transaction reads on its own connection, so its statement is built there.
    const base = caseWithMembership(runner, actor.id, caseId);
    [found] = options.forUpdate ? await base.for("update", { of: cases }) : await base;
  }
  if (!found) throw AppError.notFound("Case");
  const access: CaseAccess = { status: found.row.status, leadId: found.row.leadId, memberRole: found.memberRole };
  return { row: found.row, access };
}
