import { db } from "@/db";
import { sanctionsDismissals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { clearSystemFlag } from "@/lib/personas/clear-system-flag";
import { assertMayJudge } from "./judge-hit";
import { SANCTIONS_FLAG } from "./raise-flags";
import { screenPersona } from "./screen-persona";
import { dismissHitSchema, type DismissHitInput, type SanctionsHit } from "./views";

/**
 * POST /api/personas/{id}/sanctions/dismissals: marks the persona's current hit on one list entry
 * a false positive, with the reason. It stays dismissed on later screenings and list versions while
 * nothing new matches that entry. Answers the hit as it now reads.
 */
export async function dismissHit({
  actor,
  personaId,
  input,
}: {
  actor: Actor;
  personaId: string;
  input: DismissHitInput;
}): Promise<SanctionsHit> {
  const data = parseOrThrow(dismissHitSchema, input, "Invalid dismissal");
  // Screening first also checks that the actor sees the persona (not_found otherwise).
  const { items } = await screenPersona({ actor, personaId });
  const hit = items.find((h) => h.listVersion.source === data.source && h.entry.entNum === data.entNum);
  if (!hit) throw AppError.notFound("Sanctions hit");
  if (hit.status === "dismissed") throw new AppError("conflict", "This hit is already dismissed");
  const exact = hit.matched.some((m) => m.kind !== "name");
  await assertMayJudge(db, actor, personaId, { exact, dismissing: true });
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(sanctionsDismissals)
      .values({
        personaId,
        source: data.source,
        entNum: data.entNum,
        matched: hit.matched,
        exact,
        reason: data.reason,
        dismissedById: actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) throw new AppError("conflict", "This hit is already dismissed");
    await recordAudit(tx, {
      actor,
      action: "sanctions.hit_dismiss",
      entityType: "persona",
      entityId: personaId,
      detail: {
        dismissalId: inserted.id,
        source: data.source,
        entNum: data.entNum,
        entry: hit.entry.name,
        matched: hit.matched,
        exact,
        score: hit.score,
        listVersion: hit.listVersion.id,
        reason: data.reason,
      },
    });
    // The red flag stands for open identifier hits (names alone raise none): with this one
    // dismissed and no other left open, the flag the screening raised is taken back.
    const stillOpen = items.some((h) => h !== hit && h.status === "open" && h.matched.some((m) => m.kind !== "name"));
    if (!stillOpen)
      await clearSystemFlag(tx, {
        personaId,
        code: SANCTIONS_FLAG,
        detail: { by: "sanctions hit dismissed", dismissalId: inserted.id, entNum: data.entNum, reason: data.reason },
      });
    return inserted;
  });
  return {
    ...hit,
    status: "dismissed",
    dismissal: { id: row.id, reason: row.reason, by: actor.name, at: row.dismissedAt.toISOString() },
  };
}
