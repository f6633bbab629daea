import { and, asc, count, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  casePersonas,
  cases,
  evidence,
  identifiers,
  personaIdentifiers,
  personaRedFlags,
  personas,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseVisibleTo } from "@/lib/cases/access";
import { exhibitLabel } from "@/lib/evidence/views";
import { claimedCountryOf } from "@/lib/identifiers/claimed-country";
import { canWritePersonas, type PersonaRow, visibleCasesOf } from "./access";
import { correlate, holdersOf, noMatches } from "./correlation";
import { explainRisk, riskWeights, isRedFlagCode } from "./risk";
import { REUSE_FLAG } from "./raise-reuse-flags";
import type { IdentifierView, PersonaDetail, PersonaIdentifierView, PersonaSummary, RedFlagView } from "./views";

type IdentifierRow = typeof identifiers.$inferSelect;

export function toIdentifierView(
  row: Pick<IdentifierRow, "id" | "type" | "value" | "normalizedValue" | "chain" | "attributes">,
): IdentifierView {
  return {
    id: row.id,
    type: row.type,
    value: row.value,
    normalizedValue: row.normalizedValue,
    ...(row.chain ? { chain: row.chain } : {}),
    attributes: row.attributes,
  };
}

/**
 * Columns for summaries: the counts are of what the actor may see. The correlated subqueries name
 * "personas"."id" literally: in a single-table select list drizzle leaves column names unqualified,
 * and an unqualified "id" inside the subquery would bind to cases.id instead.
 */
export function summaryColumns(actor: Actor) {
  const visibleCase = caseVisibleTo(actor);
  return {
    row: personas,
    caseCount: sql<number>`(select count(*)::int from case_personas cp inner join cases on cases.id = cp.case_id
      where cp.persona_id = "personas"."id"${visibleCase ? sql` and ${visibleCase}` : sql``})`.mapWith(Number),
    identifierCount:
      sql<number>`(select count(*)::int from persona_identifiers pi where pi.persona_id = "personas"."id")`.mapWith(
        Number,
      ),
  };
}

export function toPersonaSummary({
  row,
  caseCount,
  identifierCount,
}: {
  row: PersonaRow;
  caseCount: number;
  identifierCount: number;
}): PersonaSummary {
  return {
    id: row.id,
    displayName: row.displayName,
    status: row.status,
    aliases: row.aliases,
    riskScore: row.riskScore,
    claimedLocation: row.claimedLocation,
    caseCount,
    identifierCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Identifiers of one persona with who asserted them and, for each, every other holder the actor may know of. */
export async function personaIdentifierViews(
  runner: DbOrTx,
  actor: Actor,
  personaId: string,
  only?: SQL,
): Promise<PersonaIdentifierView[]> {
  const rows = await runner
    .select({
      identifier: identifiers,
      link: personaIdentifiers,
      assertedByName: users.name,
      // The source exhibit, only where the reader may see its case.
      source: {
        caseId: evidence.caseId,
        exhibitNo: evidence.exhibitNo,
        title: evidence.title,
        visible: sql<boolean>`${caseVisibleTo(actor) ?? sql`true`}`,
      },
    })
    .from(personaIdentifiers)
    .innerJoin(identifiers, eq(identifiers.id, personaIdentifiers.identifierId))
    .leftJoin(users, eq(users.id, personaIdentifiers.assertedById))
    .leftJoin(evidence, and(eq(evidence.id, personaIdentifiers.sourceEvidenceId), isNull(evidence.deletedAt)))
    .leftJoin(cases, eq(cases.id, evidence.caseId))
    .where(and(eq(personaIdentifiers.personaId, personaId), only))
    .orderBy(asc(identifiers.type), asc(personaIdentifiers.createdAt));
  if (rows.length === 0) return [];
  const holders = await holdersOf(
    runner,
    actor,
    rows.map((r) => r.identifier.id),
    personaId,
  );
  const matches = correlate(holders);
  return rows.map(({ identifier, link, assertedByName, source }) => ({
    ...toIdentifierView(identifier),
    // What this claim's author wrote; normalizedValue is the key it shares with other holders.
    value: link.value ?? identifier.value,
    claimAttributes: link.attributes,
    confidence: link.confidence,
    sourceEvidenceId: link.sourceEvidenceId,
    source:
      link.sourceEvidenceId && source?.caseId && source.exhibitNo !== null && source.visible
        ? {
            evidenceId: link.sourceEvidenceId,
            caseId: source.caseId,
            exhibitNo: exhibitLabel(source.exhibitNo),
            title: source.title ?? "",
            page: link.sourceLocation?.page ?? null,
          }
        : null,
    assertedBy: link.assertedById && assertedByName ? { id: link.assertedById, name: assertedByName } : null,
    observedAt: link.observedAt?.toISOString() ?? null,
    addedAt: link.createdAt.toISOString(),
    matches: matches.get(identifier.id) ?? noMatches,
  }));
}

/**
 * The persona's identifiers that confirmed personas hold, for the reader: a confirmed persona in
 * a case the reader may not see is only counted, with the leads to ask, as in correlation.
 */
async function confirmedHoldersOf(
  runner: DbOrTx,
  actor: Actor,
  personaId: string,
  own: readonly PersonaIdentifierView[],
): Promise<NonNullable<RedFlagView["reusedWith"]>> {
  if (own.length === 0) return [];
  const holders = await holdersOf(
    runner,
    actor,
    own.map((i) => i.id),
    personaId,
  );
  const confirmed = correlate(holders.filter((h) => h.status === "confirmed"));
  return own.flatMap((i) => {
    const found = confirmed.get(i.id);
    return found ? [{ identifier: { id: i.id, type: i.type, value: i.value }, confirmed: found }] : [];
  });
}

export async function toPersonaDetail(runner: DbOrTx, actor: Actor, row: PersonaRow): Promise<PersonaDetail> {
  const [visibleCases, allCases, identifierViews, flags, writable] = await Promise.all([
    visibleCasesOf(runner, actor, [row.id]),
    runner.select({ n: count() }).from(casePersonas).where(eq(casePersonas.personaId, row.id)),
    personaIdentifierViews(runner, actor, row.id),
    runner
      .select({ flag: personaRedFlags, recordedByName: users.name })
      .from(personaRedFlags)
      .leftJoin(users, eq(users.id, personaRedFlags.recordedById))
      .where(eq(personaRedFlags.personaId, row.id)),
    canWritePersonas(runner, actor, [row.id]),
  ]);
  const risk = explainRisk(flags.map((f) => f.flag.code));
  const systemReuse = flags.some((f) => f.flag.code === REUSE_FLAG && f.flag.recordedById === null);
  const reusedWith = systemReuse ? await confirmedHoldersOf(runner, actor, row.id, identifierViews) : undefined;
  const redFlags = flags
    .map(({ flag, recordedByName }) => ({
      code: flag.code,
      label: isRedFlagCode(flag.code) ? riskWeights[flag.code].label : flag.code,
      weight: isRedFlagCode(flag.code) ? riskWeights[flag.code].weight : 0,
      note: flag.note,
      evidenceId: flag.evidenceId,
      recordedBy: flag.recordedById && recordedByName ? { id: flag.recordedById, name: recordedByName } : null,
      recordedAt: flag.recordedAt.toISOString(),
      ...(flag.code === REUSE_FLAG && flag.recordedById === null ? { reusedWith } : {}),
    }))
    .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
  return {
    ...toPersonaSummary({ row, caseCount: visibleCases.length, identifierCount: identifierViews.length }),
    claimedTimezone: row.claimedTimezone,
    claimedNationality: row.claimedNationality,
    claimedCountry: claimedCountryOf(row),
    claimedEducation: row.claimedEducation,
    claimedEmployers: row.claimedEmployers,
    notes: row.notes,
    photoEvidenceId: row.photoEvidenceId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    cases: visibleCases.map(({ personaId: _p, ...c }) => c),
    hiddenCaseCount: Math.max(0, (allCases[0]?.n ?? 0) - visibleCases.length),
    identifiers: identifierViews,
    redFlags,
    risk,
    permissions: { edit: writable.has(row.id) },
  };
}
