import { and, eq, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db";
import { personaLinks, personas, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { assertEvidenceUsable, canWritePersonas, loadPersona, personaVisibleTo } from "./access";
import { type LinkInput, linkInputSchema, type LinkUpdate, linkUpdateSchema } from "./schema";
import type { LinkView } from "./views";

const fromP = alias(personas, "from_persona");
const toP = alias(personas, "to_persona");
type LinkRow = typeof personaLinks.$inferSelect;

/** Links whose two personas the actor can both see; a link to a hidden persona is not theirs to know. */
export async function loadLinkViews(runner: DbOrTx, actor: Actor, where: SQL | undefined): Promise<LinkView[]> {
  const rows = await runner
    .select({ link: personaLinks, from: { id: fromP.id, displayName: fromP.displayName, status: fromP.status }, to: { id: toP.id, displayName: toP.displayName, status: toP.status }, createdByName: users.name })
    .from(personaLinks)
    .innerJoin(fromP, eq(fromP.id, personaLinks.fromPersonaId))
    .innerJoin(toP, eq(toP.id, personaLinks.toPersonaId))
    .leftJoin(users, eq(users.id, personaLinks.createdById))
    .where(and(where, personaVisibleTo(actor, fromP.id), personaVisibleTo(actor, toP.id)))
    .orderBy(personaLinks.createdAt);
  return rows.map(({ link, from, to, createdByName }) => ({
    id: link.id,
    from,
    to,
    relation: link.relation,
    status: link.status,
    confidence: link.confidence,
    rationale: link.rationale,
    evidenceId: link.evidenceId,
    createdBy: link.createdById && createdByName ? { id: link.createdById, name: createdByName } : null,
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
  }));
}

async function linkView(runner: DbOrTx, actor: Actor, id: string): Promise<LinkView> {
  const [view] = await loadLinkViews(runner, actor, eq(personaLinks.id, id));
  if (!view) throw AppError.notFound("Link");
  return view;
}

const pair = (a: string, b: string) =>
  or(and(eq(personaLinks.fromPersonaId, a), eq(personaLinks.toPersonaId, b)), and(eq(personaLinks.fromPersonaId, b), eq(personaLinks.toPersonaId, a)));

const duplicate = (message: string, existingLinkId: string) => new AppError("bad_request", message, [{ path: "toPersonaId", message, existingLinkId }]);

/**
 * An explicit link, or (status `rejected`) a remembered "these are not linked" that keeps the pair
 * out of suggestions. Links are undirected for duplicates: A→B and B→A with one relation are one link.
 * Confirming a pair that was rejected with the same relation turns that rejection into the link.
 */
export async function createLink({ actor, input }: { actor: Actor; input: LinkInput }): Promise<LinkView> {
  authorize(actor, "persona:write");
  const data = parseOrThrow(linkInputSchema, input);
  if (data.fromPersonaId === data.toPersonaId) {
    throw new AppError("bad_request", "A persona cannot be linked to itself: choose two different personas", [{ path: "toPersonaId", message: "Choose a different persona" }]);
  }
  return changesGraph(db.transaction(async (tx) => {
    // Both rows locked in id order, so two people linking the same pair at once queue up.
    for (const id of [data.fromPersonaId, data.toPersonaId].sort()) await loadPersona(tx, actor, id, { forUpdate: true });
    await assertLinkWritable(tx, actor, data.fromPersonaId, data.toPersonaId);
    await assertEvidenceUsable(tx, actor, data.evidenceId, "evidenceId");
    const existing = await tx.select().from(personaLinks).where(pair(data.fromPersonaId, data.toPersonaId));
    const confirmed = existing.find((l) => l.status === "confirmed" && (data.status === "rejected" || l.relation === data.relation));
    if (confirmed) throw duplicate(`These personas are already linked (${confirmed.relation.replace(/_/g, " ")}); edit that link instead`, confirmed.id);
    const rejected = existing.find((l) => l.status === "rejected" && (data.status === "rejected" || l.relation === data.relation));
    if (rejected && data.status === "rejected") throw duplicate("This suggestion was already rejected", rejected.id);
    const values = { ...data, evidenceId: data.evidenceId ?? null, createdById: actor.id };
    let row: LinkRow | undefined;
    if (rejected) {
      [row] = await tx.update(personaLinks).set(values).where(eq(personaLinks.id, rejected.id)).returning();
    } else {
      [row] = await tx.insert(personaLinks).values(values).returning();
    }
    if (!row) throw new Error("link write returned nothing");
    await recordAudit(tx, {
      actor,
      action: data.status === "rejected" ? "persona_link.reject" : "persona_link.create",
      entityType: "persona_link",
      entityId: row.id,
      detail: { from: row.fromPersonaId, to: row.toPersonaId, relation: row.relation, confidence: row.confidence, ...(rejected ? { replacedRejection: true } : {}) },
    });
    return linkView(tx, actor, row.id);
  }));
}

async function loadLink(tx: DbOrTx, actor: Actor, linkId: string): Promise<LinkRow> {
  const [row] = await tx.select().from(personaLinks).where(eq(personaLinks.id, linkId)).for("update");
  if (!row) throw AppError.notFound("Link");
  await loadPersona(tx, actor, row.fromPersonaId).catch(() => Promise.reject(AppError.notFound("Link")));
  await loadPersona(tx, actor, row.toPersonaId).catch(() => Promise.reject(AppError.notFound("Link")));
  return row;
}

/** A link is an assertion about both personas: whoever may change either end may make or change it. */
async function assertLinkWritable(tx: DbOrTx, actor: Actor, fromPersonaId: string, toPersonaId: string): Promise<void> {
  if ((await canWritePersonas(tx, actor, [fromPersonaId, toPersonaId])).size === 0) {
    throw new AppError("forbidden", "You only observe the cases these personas are in; observers cannot link them");
  }
}

export async function updateLink({ actor, linkId, input }: { actor: Actor; linkId: string; input: LinkUpdate }): Promise<LinkView> {
  authorize(actor, "persona:write");
  const data = parseOrThrow(linkUpdateSchema, input);
  return changesGraph(db.transaction(async (tx) => {
    const row = await loadLink(tx, actor, linkId);
    await assertLinkWritable(tx, actor, row.fromPersonaId, row.toPersonaId);
    if (data.evidenceId) await assertEvidenceUsable(tx, actor, data.evidenceId, "evidenceId");
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["relation", "status", "confidence", "rationale", "evidenceId"] as const) {
      if (data[key] !== undefined && data[key] !== row[key]) changes[key] = { from: row[key], to: data[key] };
    }
    if (Object.keys(changes).length === 0) return linkView(tx, actor, linkId);
    if (changes.relation) {
      const clash = (await tx.select().from(personaLinks).where(pair(row.fromPersonaId, row.toPersonaId))).find((l) => l.id !== row.id && l.relation === data.relation);
      if (clash) throw duplicate(`These personas already have a ${clash.status} ${clash.relation.replace(/_/g, " ")} link`, clash.id);
    }
    await tx
      .update(personaLinks)
      .set(Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])))
      .where(eq(personaLinks.id, linkId));
    await recordAudit(tx, { actor, action: "persona_link.update", entityType: "persona_link", entityId: linkId, detail: { changes } });
    return linkView(tx, actor, linkId);
  }));
}

export async function deleteLink({ actor, linkId }: { actor: Actor; linkId: string }): Promise<void> {
  authorize(actor, "persona:write");
  await changesGraph(db.transaction(async (tx) => {
    const row = await loadLink(tx, actor, linkId);
    await assertLinkWritable(tx, actor, row.fromPersonaId, row.toPersonaId);
    await tx.delete(personaLinks).where(eq(personaLinks.id, linkId));
    await recordAudit(tx, {
      actor,
      action: "persona_link.delete",
      entityType: "persona_link",
      entityId: linkId,
      detail: { from: row.fromPersonaId, to: row.toPersonaId, relation: row.relation, status: row.status },
    });
  }));
}

export const linksOf = (personaId: string) => or(eq(personaLinks.fromPersonaId, personaId), eq(personaLinks.toPersonaId, personaId));
