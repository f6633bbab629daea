import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { personaRedFlags, personas } from "@/db/schema";
import { explainRisk } from "./risk";

/** Recomputes and stores the score from the flags now recorded; called in every flag change's transaction. */
export async function recomputeRisk(tx: Tx, personaId: string): Promise<{ from: number; to: number }> {
  const flags = await tx
    .select({ code: personaRedFlags.code })
    .from(personaRedFlags)
    .where(eq(personaRedFlags.personaId, personaId));
  const { score } = explainRisk(flags.map((f) => f.code));
  const [before] = await tx.select({ riskScore: personas.riskScore }).from(personas).where(eq(personas.id, personaId));
  await tx.update(personas).set({ riskScore: score }).where(eq(personas.id, personaId));
  return { from: before?.riskScore ?? 0, to: score };
}
