import { and, asc, eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { casePersonas, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadPersona } from "./access";
import { insertPersona } from "./personas";
import { summaryColumns, toPersonaSummary } from "./present";
import { type CasePersonaInput, casePersonaInputSchema } from "./schema";
import type { CasePersonaView } from "./views";

async function casePersonaViews(runner: DbOrTx, actor: Actor, caseId: string, personaId?: string): Promise<CasePersonaView[]> {
  const rows = await runner
    .select({ ...summaryColumns(actor), role: casePersonas.role, addedAt: casePersonas.addedAt })
    .from(casePersonas)
    .innerJoin(personas, eq(personas.id, casePersonas.personaId))
    .where(and(eq(casePersonas.caseId, caseId), personaId ? eq(casePersonas.personaId, personaId) : undefined))
    .orderBy(asc(casePersonas.role), asc(personas.displayName));
  return rows.map((r) => ({ ...toPersonaSummary(r), role: r.role, addedAt: r.addedAt.toISOString() }));
}

/** Every persona in the case: seeing the case is enough to see them. */
export async function listCasePersonas({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CasePersonaView[]> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  authorize(actor, "persona:read");
  return casePersonaViews(db, actor, caseId);
}

/** Attaches a persona the actor can see, or creates one in the case; the case's working members may. */
export async function attachPersona({ actor, caseId, input }: { actor: Actor; caseId: string; input: CasePersonaInput }): Promise<CasePersonaView> {
  const data = parseOrThrow(casePersonaInputSchema, input);
  return changesGraph(db.transaction(async (tx) => {
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
    await recordAudit(tx, {
      actor,
      action: created ? "persona.create" : "persona.attach",
      entityType: "persona",
      entityId: personaId,
      caseId,
      detail: { role: data.role, ...(created ? { displayName: data.persona?.displayName } : {}) },
    });
    const [view] = await casePersonaViews(tx, actor, caseId, personaId);
    if (!view) throw new Error("attached persona not found");
    return view;
  }));
}

/**
 * Removes the persona from the case (the persona itself stays). A persona left in no case becomes
 * visible to every role that reads personas, so the UI says so before confirming.
 */
export async function detachPersona({ actor, caseId, personaId }: { actor: Actor; caseId: string; personaId: string }): Promise<void> {
  await changesGraph(db.transaction(async (tx) => {
    const { access } = await loadCase(tx, actor, caseId);
    authorize(actor, "case:update", { case: access }, "Case");
    authorize(actor, "persona:write");
    const removed = await tx
      .delete(casePersonas)
      .where(and(eq(casePersonas.caseId, caseId), eq(casePersonas.personaId, personaId)))
      .returning({ role: casePersonas.role });
    if (removed.length === 0) throw AppError.notFound("Persona in this case");
    await recordAudit(tx, { actor, action: "persona.detach", entityType: "persona", entityId: personaId, caseId, detail: { role: removed[0]?.role } });
  }));
}
