import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { personaRedFlags } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { assertPersonaWritable, loadPersona } from "./access";
import { toPersonaDetail } from "./present";
import { type RedFlagRemoval, redFlagRemovalSchema } from "./schema";
import { recomputeRisk } from "./recompute-risk";
import type { PersonaDetail } from "./views";

export async function removeRedFlag({
  actor,
  personaId,
  code,
  input = {},
}: {
  actor: Actor;
  personaId: string;
  code: string;
  input?: RedFlagRemoval;
}): Promise<PersonaDetail> {
  authorize(actor, "persona:write");
  const { reason } = parseOrThrow(redFlagRemovalSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      await loadPersona(tx, actor, personaId, { forUpdate: true });
      await assertPersonaWritable(tx, actor, personaId);
      const [flag] = await tx
        .select({ recordedById: personaRedFlags.recordedById })
        .from(personaRedFlags)
        .where(and(eq(personaRedFlags.personaId, personaId), eq(personaRedFlags.code, code)));
      if (!flag) throw AppError.notFound("Red flag on this persona");
      // What the system found stays on record unless someone says why it is wrong.
      if (flag.recordedById === null && !reason)
        throw new AppError("bad_request", "Give a reason for removing a flag the system raised", [
          { path: "reason", message: "Give a reason" },
        ]);
      const removed = await tx
        .delete(personaRedFlags)
        .where(and(eq(personaRedFlags.personaId, personaId), eq(personaRedFlags.code, code)))
        .returning({ id: personaRedFlags.id });
      if (removed.length === 0) throw AppError.notFound("Red flag on this persona");
      const risk = await recomputeRisk(tx, personaId);
      // Read before the audit event: the chain stays locked from the append to the commit.
      const answer = await toPersonaDetail(tx, actor, await loadPersona(tx, actor, personaId));
      await recordAudit(tx, {
        actor,
        action: "persona.red_flag_remove",
        entityType: "persona",
        entityId: personaId,
        detail: {
          code,
          riskScore: risk,
          ...(reason ? { reason } : {}),
          raisedBy: flag.recordedById ? "person" : "system",
        },
      });
      return answer;
    }),
  );
}
