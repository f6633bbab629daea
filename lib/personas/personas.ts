import { eq } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { casePersonaRoles, casePersonas, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { AppError, parseOrThrow } from "@/lib/errors";
import { assertEvidenceUsable, assertPersonaWritable, loadPersona } from "./access";
import { toPersonaDetail } from "./present";
import { type PersonaCreate, personaCreateSchema, personaInputSchema, type PersonaUpdate, personaUpdateSchema } from "./schema";
import type { PersonaDetail } from "./views";

type ParsedInput = ReturnType<typeof personaInputSchema.parse>;

/** Inserts a persona (and its first case link) inside the caller's transaction. */
export async function insertPersona(tx: Tx, actor: Actor, data: ParsedInput, attach?: { caseId: string; role: (typeof casePersonaRoles)[number] }) {
  await assertEvidenceUsable(tx, actor, data.photoEvidenceId, "photoEvidenceId");
  const [row] = await tx
    .insert(personas)
    .values({ ...data, photoEvidenceId: data.photoEvidenceId ?? null, createdById: actor.id })
    .returning();
  if (!row) throw new Error("persona insert returned nothing");
  if (attach) await tx.insert(casePersonas).values({ caseId: attach.caseId, personaId: row.id, role: attach.role, addedById: actor.id });
  return row;
}

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
    await recordAudit(tx, {
      actor,
      action: "persona.create",
      entityType: "persona",
      entityId: row.id,
      caseId: caseId ?? null,
      detail: { displayName: row.displayName, status: row.status, ...(caseId ? { role } : {}) },
    });
    return toPersonaDetail(tx, actor, row);
  });
}

export async function getPersona({ actor, personaId }: { actor: Actor; personaId: string }): Promise<PersonaDetail> {
  const row = await loadPersona(db, actor, personaId);
  return toPersonaDetail(db, actor, row);
}

const editable = ["displayName", "aliases", "claimedLocation", "claimedTimezone", "claimedNationality", "claimedEducation", "claimedEmployers", "status", "notes", "photoEvidenceId"] as const;

/** Saves edits made against `version`; a stale version answers conflict with the current persona. */
export async function updatePersona({ actor, personaId, input }: { actor: Actor; personaId: string; input: PersonaUpdate }): Promise<PersonaDetail> {
  authorize(actor, "persona:write");
  const data = parseOrThrow(personaUpdateSchema, input);
  return db.transaction(async (tx) => {
    const row = await loadPersona(tx, actor, personaId, { forUpdate: true });
    await assertPersonaWritable(tx, actor, personaId);
    if (data.version !== row.version) {
      throw new AppError("conflict", "Someone else changed this persona since you opened it", { current: await toPersonaDetail(tx, actor, row), yourVersion: data.version });
    }
    if (data.photoEvidenceId !== undefined) await assertEvidenceUsable(tx, actor, data.photoEvidenceId, "photoEvidenceId");
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of editable) {
      const to = data[key];
      if (to === undefined) continue;
      if (JSON.stringify(row[key]) !== JSON.stringify(to)) changes[key] = { from: row[key], to };
    }
    if (Object.keys(changes).length === 0) return toPersonaDetail(tx, actor, row);
    const values = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
    const [updated] = await tx
      .update(personas)
      .set({ ...values, version: row.version + 1 })
      .where(eq(personas.id, personaId))
      .returning();
    if (!updated) throw AppError.notFound("Persona");
    // Notes can be long; the audit keeps that they changed, not the text twice.
    if (changes.notes) changes.notes = { from: `${row.notes.length} characters`, to: `${updated.notes.length} characters` };
    await recordAudit(tx, { actor, action: "persona.update", entityType: "persona", entityId: personaId, detail: { changes } });
    return toPersonaDetail(tx, actor, updated);
  });
}
