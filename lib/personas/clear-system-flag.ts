import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { personaRedFlags } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { recomputeRisk } from "./recompute-risk";

/**
 * Takes back a red flag the system raised once what raised it no longer holds (a sanctions hit
 * dismissed): recomputes the persona's risk and audits it, in the caller's transaction. A flag a
 * person recorded stays: only they or a colleague may remove it. Answers whether one was removed.
 */
export async function clearSystemFlag(
  tx: Tx,
  flag: { personaId: string; code: string; detail: Record<string, unknown> },
): Promise<boolean> {
  const removed = await tx
    .delete(personaRedFlags)
    .where(
      and(
        eq(personaRedFlags.personaId, flag.personaId),
        eq(personaRedFlags.code, flag.code),
        isNull(personaRedFlags.recordedById),
      ),
    )
    .returning({ id: personaRedFlags.id });
  if (removed.length === 0) return false;
  const riskScore = await recomputeRisk(tx, flag.personaId);
  await recordAudit(tx, {
    actor: null,
    action: "persona.red_flag_remove",
    entityType: "persona",
    entityId: flag.personaId,
    detail: { code: flag.code, riskScore, raisedBy: "system", ...flag.detail },
  });
  return true;
}
