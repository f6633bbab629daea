import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { parseOrThrow } from "@/lib/errors";
import { insertPersona } from "./insert-persona";
import { toPersonaDetail } from "./present";
import { type PersonaCreate, personaCreateSchema } from "./schema";
import type { PersonaDetail } from "./views";

/**
 * A persona given a case is attached to it in the same transaction, so it is never visible
 * beyond that case; one created without a case is visible to every role that reads personas.
 */
export async function createPersona({ actor, input }: { actor: Actor; input: PersonaCreate }): Promise<PersonaDetail> {
  authorize(actor, "persona:write");
  const { caseId, role, ...data } = parseOrThrow(personaCreateSchema, input);
  return db.transaction(async (tx) => {
    if (caseId) {
      const { access } = await loadCase(tx, actor, caseId);
      authorize(actor, "case:update", { case: access }, "Case");
    }
    const row = await insertPersona(tx, actor, data, caseId ? { caseId, role } : undefined);
    // Read before the audit event: the chain stays locked from the append to the commit.
    const answer = await toPersonaDetail(tx, actor, row);
    await recordAudit(tx, {
      actor,
      action: "persona.create",
      entityType: "persona",
      entityId: row.id,
      caseId: caseId ?? null,
      detail: { displayName: row.displayName, status: row.status, ...(caseId ? { role } : {}) },
    });
    return answer;
  });
}
