import { and, eq } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { personaRedFlags, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { assertEvidenceUsable, assertPersonaWritable, loadPersona } from "./access";
import { toPersonaDetail } from "./present";
import { explainRisk } from "./risk";
import { type RedFlagInput, redFlagInputSchema } from "./schema";
import type { PersonaDetail } from "./views";

/** Recomputes and stores the score from the flags now recorded; called in every flag change's transaction. */
async function recomputeRisk(tx: Tx, personaId: string): Promise<{ from: number; to: number }> {
  const flags = await tx.select({ code: personaRedFlags.code }).from(personaRedFlags).where(eq(personaRedFlags.personaId, personaId));
  const { score } = explainRisk(flags.map((f) => f.code));
  const [before] = await tx.select({ riskScore: personas.riskScore }).from(personas).where(eq(personas.id, personaId));
  await tx.update(personas).set({ riskScore: score }).where(eq(personas.id, personaId));
  return { from: before?.riskScore ?? 0, to: score };
}

export async function addRedFlag({ actor, personaId, input }: { actor: Actor; personaId: string; input: RedFlagInput }): Promise<PersonaDetail> {
  authorize(actor, "persona:write");
  const data = parseOrThrow(redFlagInputSchema, input);
  return changesGraph(db.transaction(async (tx) => {
    await loadPersona(tx, actor, personaId, { forUpdate: true });
    await assertPersonaWritable(tx, actor, personaId);
    await assertEvidenceUsable(tx, actor, data.evidenceId, "evidenceId");
    const inserted = await tx
      .insert(personaRedFlags)
      .values({ personaId, code: data.code, note: data.note || null, evidenceId: data.evidenceId ?? null, recordedById: actor.id })
      .onConflictDoNothing()
      .returning({ id: personaRedFlags.id });
    if (inserted.length === 0) throw new AppError("conflict", `${data.code} is already recorded on this persona`);
    const risk = await recomputeRisk(tx, personaId);
    await recordAudit(tx, { actor, action: "persona.red_flag_add", entityType: "persona", entityId: personaId, detail: { code: data.code, riskScore: risk } });
    return toPersonaDetail(tx, actor, await loadPersona(tx, actor, personaId));
  }));
}

export async function removeRedFlag({ actor, personaId, code }: { actor: Actor; personaId: string; code: string }): Promise<PersonaDetail> {
  authorize(actor, "persona:write");
  return changesGraph(db.transaction(async (tx) => {
    await loadPersona(tx, actor, personaId, { forUpdate: true });
    await assertPersonaWritable(tx, actor, personaId);
    const removed = await tx
      .delete(personaRedFlags)
      .where(and(eq(personaRedFlags.personaId, personaId), eq(personaRedFlags.code, code)))
      .returning({ id: personaRedFlags.id });
    if (removed.length === 0) throw AppError.notFound("Red flag on this persona");
    const risk = await recomputeRisk(tx, personaId);
    await recordAudit(tx, { actor, action: "persona.red_flag_remove", entityType: "persona", entityId: personaId, detail: { code, riskScore: risk } });
    return toPersonaDetail(tx, actor, await loadPersona(tx, actor, personaId));
  }));
}
