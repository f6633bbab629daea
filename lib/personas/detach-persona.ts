import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { casePersonas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { changesGraph } from "@/lib/graph/cache";
import { AppError } from "@/lib/errors";

/**
 * Removes the persona from the case (the persona itself stays). A persona left in no case becomes
 * visible to every role that reads personas, so the UI says so before confirming.
 */
export async function detachPersona({
  actor,
  caseId,
  personaId,
}: {
  actor: Actor;
  caseId: string;
  personaId: string;
}): Promise<void> {
  await changesGraph(
    db.transaction(async (tx) => {
      const { access } = await loadCase(tx, actor, caseId);
      authorize(actor, "case:update", { case: access }, "Case");
      authorize(actor, "persona:write");
      const removed = await tx
        .delete(casePersonas)
        .where(and(eq(casePersonas.caseId, caseId), eq(casePersonas.personaId, personaId)))
        .returning({ role: casePersonas.role });
      if (removed.length === 0) throw AppError.notFound("Persona in this case");
      await recordAudit(tx, {
        actor,
        action: "persona.detach",
        entityType: "persona",
        entityId: personaId,
        caseId,
        detail: { role: removed[0]?.role },
      });
    }),
  );
}
