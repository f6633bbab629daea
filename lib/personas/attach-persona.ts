import { db } from "@/db";
import { casePersonas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadPersona } from "./access";
import { casePersonaViews } from "./case-persona-views";
import { insertPersona } from "./insert-persona";
import { type CasePersonaInput, casePersonaInputSchema } from "./schema";
import type { CasePersonaView } from "./views";

/** Attaches a persona the actor can see, or creates one in the case; the case's working members may. */
export async function attachPersona({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: CasePersonaInput;
}): Promise<CasePersonaView> {
  const data = parseOrThrow(casePersonaInputSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const { access } = await loadCase(tx, actor, caseId);
      authorize(actor, "case:update", { case: access }, "Case");
      authorize(actor, "persona:write");
      let personaId: string;
      let created = false;
      if (data.personaId) {
        personaId = (await loadPersona(tx, actor, data.personaId)).id;
        const inserted = await tx
          .insert(casePersonas)
          .values({ caseId, personaId, role: data.role, addedById: actor.id })
          .onConflictDoNothing()
          .returning({ personaId: casePersonas.personaId });
        if (inserted.length === 0) throw new AppError("conflict", "This persona is already in the case");
      } else {
        personaId = (await insertPersona(tx, actor, data.persona!, { caseId, role: data.role })).id;
        created = true;
      }
      // Read before the audit event: the chain stays locked from the append to the commit.
      const [view] = await casePersonaViews(tx, actor, caseId, personaId);
      if (!view) throw new Error("attached persona not found");
      await recordAudit(tx, {
        actor,
        action: created ? "persona.create" : "persona.attach",
        entityType: "persona",
        entityId: personaId,
        caseId,
        detail: { role: data.role, ...(created ? { displayName: data.persona?.displayName } : {}) },
      });
      return view;
    }),
  );
}
