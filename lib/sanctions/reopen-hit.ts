import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { sanctionsDismissals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { loadPersona } from "@/lib/personas/access";
import { assertMayJudge } from "./judge-hit";
import { raiseSanctionsFlags } from "./raise-flags";

/**
 * DELETE /api/personas/{id}/sanctions/dismissals/{dismissalId}: opens a dismissed hit again, and an
 * identifier hit raises its SANCTIONS_HIT red flag again. The dismissal row stays (who dismissed it, when and why), marked re-opened by whom and when.
 */
export async function reopenHit({
  actor,
  personaId,
  dismissalId,
}: {
  actor: Actor;
  personaId: string;
  dismissalId: string;
}): Promise<{ id: string; reopenedAt: string }> {
  await loadPersona(db, actor, personaId);
  const [dismissal] = await db
    .select()
    .from(sanctionsDismissals)
    .where(
      and(
        eq(sanctionsDismissals.id, dismissalId),
        eq(sanctionsDismissals.personaId, personaId),
        isNull(sanctionsDismissals.reopenedAt),
      ),
    );
  if (!dismissal) throw AppError.notFound("Dismissal");
  await assertMayJudge(db, actor, personaId, { exact: dismissal.exact, dismissing: false });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(sanctionsDismissals)
      .set({ reopenedAt: new Date(), reopenedById: actor.id })
      .where(and(eq(sanctionsDismissals.id, dismissalId), isNull(sanctionsDismissals.reopenedAt)))
      .returning();
    if (!row?.reopenedAt) throw AppError.notFound("Dismissal");
    await recordAudit(tx, {
      actor,
      action: "sanctions.hit_reopen",
      entityType: "persona",
      entityId: personaId,
      detail: { dismissalId, source: row.source, entNum: row.entNum, dismissedReason: row.reason },
    });
    // An identifier hit open again raises its red flag again (and the "Do not pay" task, once per case).
    await raiseSanctionsFlags(tx, [personaId]);
    return { id: row.id, reopenedAt: row.reopenedAt.toISOString() };
  });
}
