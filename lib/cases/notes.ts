import { and, count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseNoteRevisions, caseNotes, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { type NoteInput, noteInputSchema, pageQuerySchema } from "./schema";
import type { NoteView } from "./views";

type NoteRow = typeof caseNotes.$inferSelect;
type Author = { id: string; name: string; email: string } | null;

function toNoteView(actor: Actor, note: NoteRow, author: Author, mayEdit: boolean): NoteView {
  return {
    id: note.id,
    caseId: note.caseId,
    body: note.body,
    author,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    edited: note.updatedAt.getTime() - note.createdAt.getTime() > 1000,
    canEdit: mayEdit && note.authorId === actor.id,
  };
}

export async function listNotes({ actor, caseId, page }: { actor: Actor; caseId: string; page?: { page?: number; pageSize?: number } }) {
  const p = parseOrThrow(pageQuerySchema, page ?? {});
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  const [rows, totals] = await Promise.all([
    db
      .select({ note: caseNotes, authorName: users.name, authorEmail: users.email })
      .from(caseNotes)
      .leftJoin(users, eq(users.id, caseNotes.authorId))
      .where(eq(caseNotes.caseId, caseId))
      .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(caseNotes).where(eq(caseNotes.caseId, caseId)),
  ]);
  const mayEdit = can(actor, "note:edit", { case: access, authorId: actor.id });
  return {
    items: rows.map(({ note, authorName, authorEmail }) =>
      toNoteView(actor, note, note.authorId && authorName && authorEmail ? { id: note.authorId, name: authorName, email: authorEmail } : null, mayEdit),
    ),
    total: totals[0]?.n ?? 0,
    page: p.page,
    pageSize: p.pageSize,
  };
}

export async function createNote({ actor, caseId, input }: { actor: Actor; caseId: string; input: NoteInput }): Promise<NoteView> {
  const data = parseOrThrow(noteInputSchema, input);
  return db.transaction(async (tx) => {
    const { access } = await loadCase(tx, actor, caseId);
    authorize(actor, "note:create", { case: access }, "Case");
    const [note] = await tx.insert(caseNotes).values({ caseId, authorId: actor.id, body: data.body }).returning();
    if (!note) throw new Error("note insert returned nothing");
    await recordAudit(tx, { actor, action: "note.create", entityType: "note", entityId: note.id, caseId, detail: { length: data.body.length } });
    return toNoteView(actor, note, { id: actor.id, name: actor.name, email: actor.email }, true);
  });
}

/** Only the author edits a note; the previous text is kept as a revision. */
export async function updateNote({ actor, noteId, input }: { actor: Actor; noteId: string; input: NoteInput }): Promise<NoteView> {
  const data = parseOrThrow(noteInputSchema, input);
  return db.transaction(async (tx) => {
    const [note] = await tx.select().from(caseNotes).where(eq(caseNotes.id, noteId)).for("update");
    if (!note) throw AppError.notFound("Note");
    const { access } = await loadCase(tx, actor, note.caseId).catch(() => {
      throw AppError.notFound("Note");
    });
    authorize(actor, "case:read", { case: access }, "Note");
    if (!can(actor, "note:edit", { case: access, authorId: note.authorId })) throw new AppError("forbidden", "Only the author can edit a note");
    if (note.body === data.body) return toNoteView(actor, note, { id: actor.id, name: actor.name, email: actor.email }, true);
    await tx.insert(caseNoteRevisions).values({ noteId, body: note.body, editedById: actor.id });
    const [updated] = await tx
      .update(caseNotes)
      .set({ body: data.body })
      .where(and(eq(caseNotes.id, noteId), eq(caseNotes.authorId, actor.id)))
      .returning();
    if (!updated) throw AppError.notFound("Note");
    await recordAudit(tx, {
      actor,
      action: "note.update",
      entityType: "note",
      entityId: noteId,
      caseId: note.caseId,
      detail: { previousLength: note.body.length, length: data.body.length },
    });
    return toNoteView(actor, updated, { id: actor.id, name: actor.name, email: actor.email }, true);
  });
}
