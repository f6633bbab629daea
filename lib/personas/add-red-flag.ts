import { db } from "@/db";
import { personaRedFlags } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { assertEvidenceUsable, assertPersonaWritable, loadPersona } from "./access";
import { toPersonaDetail } from "./present";
import { recomputeRisk } from "./recompute-risk";
import { type RedFlagInput, redFlagInputSchema } from "./schema";
import type { PersonaDetail } from "./views";

export async function addRedFlag({
  actor,
  personaId,
  input,
}: {
  actor: Actor;
  personaId: string;
  input: RedFlagInput;
}): Promise<PersonaDetail> {
  authorize(actor, "persona:write");
  const data = parseOrThrow(redFlagInputSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      await loadPersona(tx, actor, personaId, { forUpdate: true });
      await assertPersonaWritable(tx, actor, personaId);
      await assertEvidenceUsable(tx, actor, data.evidenceId, "evidenceId");
      const inserted = await tx
        .insert(personaRedFlags)
        .values({
          personaId,
          code: data.code,
          note: data.note || null,
          evidenceId: data.evidenceId ?? null,
          recordedById: actor.id,
        })
        .onConflictDoNothing()
        .returning({ id: personaRedFlags.id });
      if (inserted.length === 0) throw new AppError("conflict", `${data.code} is already recorded on this persona`);
      const risk = await recomputeRisk(tx, personaId);
      // Read before the audit event: the chain stays locked from the append to the commit.
      const answer = await toPersonaDetail(tx, actor, await loadPersona(tx, actor, personaId));
      await recordAudit(tx, {
        actor,
        action: "persona.red_flag_add",
        entityType: "persona",
        entityId: personaId,
        detail: { code: data.code, riskScore: risk },
      });
      return answer;
    }),
  );
}
