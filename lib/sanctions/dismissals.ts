import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sanctionsDismissals, users } from "@/db/schema";
import type { SanctionsHit } from "./views";

export type ActiveDismissal = Awaited<ReturnType<typeof activeDismissals>>[number];

/** The dismissals in force for these personas (not re-opened), with who made them. */
export function activeDismissals(runner: DbOrTx, personaIds: readonly string[]) {
  return runner
    .select({
      id: sanctionsDismissals.id,
      personaId: sanctionsDismissals.personaId,
      source: sanctionsDismissals.source,
      entNum: sanctionsDismissals.entNum,
      matched: sanctionsDismissals.matched,
      exact: sanctionsDismissals.exact,
      reason: sanctionsDismissals.reason,
      by: users.name,
      at: sanctionsDismissals.dismissedAt,
    })
    .from(sanctionsDismissals)
    .leftJoin(users, eq(users.id, sanctionsDismissals.dismissedById))
    .where(and(inArray(sanctionsDismissals.personaId, [...personaIds]), isNull(sanctionsDismissals.reopenedAt)));
}

/**
 * The dismissal that still covers a hit: same list entry (whatever the version) and nothing matched
 * now that had not matched when it was dismissed. A persona that gained a matching value is screened
 * afresh, so a new reason to suspect it is never hidden by an old judgement.
 */
export function coveringDismissal(
  dismissals: readonly ActiveDismissal[],
  personaId: string,
  source: string,
  entNum: string,
  matched: readonly { kind: string; value: string }[],
): ActiveDismissal | undefined {
  const d = dismissals.find((x) => x.personaId === personaId && x.source === source && x.entNum === entNum);
  if (!d) return undefined;
  const known = new Set(d.matched.map((m) => `${m.kind}\u0000${m.value.toLowerCase()}`));
  return matched.every((m) => known.has(`${m.kind}\u0000${m.value.toLowerCase()}`)) ? d : undefined;
}

/** Marks the hits a dismissal covers as dismissed, with who, when and why. */
export function applyDismissals(personaId: string, hits: SanctionsHit[], dismissals: readonly ActiveDismissal[]) {
  for (const hit of hits) {
    const d = coveringDismissal(dismissals, personaId, hit.listVersion.source, hit.entry.entNum, hit.matched);
    if (!d) continue;
    hit.status = "dismissed";
    hit.dismissal = { id: d.id, reason: d.reason, by: d.by, at: d.at.toISOString() };
  }
}
