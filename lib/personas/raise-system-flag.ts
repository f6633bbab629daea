import type { Tx } from "@/db";
import { personaRedFlags } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { notifyPersonaFlag } from "@/lib/notifications/events";
import { recomputeRisk } from "./recompute-risk";

/**
 * Records a red flag as the system (no person recorded it), recomputes the persona's risk and
 * audits it, in the caller's transaction. A persona already carrying the flag is left as it is:
 * answers false.
 */
export async function raiseSystemFlag(
  tx: Tx,
  flag: { personaId: string; code: string; note: string; detail: Record<string, unknown> },
): Promise<boolean> {
  const [inserted] = await tx
    .insert(personaRedFlags)
    .values({ personaId: flag.personaId, code: flag.code, note: flag.note, recordedById: null })
    .onConflictDoNothing()
    .returning({ id: personaRedFlags.id });
  if (!inserted) return false;
  const riskScore = await recomputeRisk(tx, flag.personaId);
  await notifyPersonaFlag(tx, { personaId: flag.personaId, code: flag.code });
  await recordAudit(tx, {
    actor: null,
    action: "persona.red_flag_add",
    entityType: "persona",
    entityId: flag.personaId,
    detail: { code: flag.code, riskScore, ...flag.detail },
  });
  return true;
}
