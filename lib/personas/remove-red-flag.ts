import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { personaRedFlags } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { AppError } from "@/lib/errors";
import { assertPersonaWritable, loadPersona } from "./access";
import { toPersonaDetail } from "./present";
import { recomputeRisk } from "./recompute-risk";
import type { PersonaDetail } from "./views";

export async function removeRedFlag({
  actor,
  personaId,
  code,
}: {
  actor: Actor;
  personaId: string;
  code: string;
}): Promise<PersonaDetail> {
  authorize(actor, "persona:write");
  return changesGraph(
    db.transaction(async (tx) => {
      await loadPersona(tx, actor, personaId, { forUpdate: true });
      await assertPersonaWritable(tx, actor, personaId);
      const removed = await tx
        .delete(personaRedFlags)
        .where(and(eq(personaRedFlags.personaId, personaId), eq(personaRedFlags.code, code)))
        .returning({ id: personaRedFlags.id });
      if (removed.length === 0) throw AppError.notFound("Red flag on this persona");
      const risk = await recomputeRisk(tx, personaId);
      await recordAudit(tx, {
        actor,
        action: "persona.red_flag_remove",
        entityType: "persona",
        entityId: personaId,
        detail: { code, riskScore: risk },
      });
      return toPersonaDetail(tx, actor, await loadPersona(tx, actor, personaId));
    }),
  );
}
