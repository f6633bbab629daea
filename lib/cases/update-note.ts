import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseNoteRevisions, caseNotes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { toNoteView } from "./note-views";
import { type NoteInput, noteInputSchema } from "./schema";
import type { NoteView } from "./views";

/** Only the author edits a note; the previous text is kept as a revision. */
export async function updateNote({
  actor,
  noteId,
  input,
}: {
  actor: Actor;
  noteId: string;
  input: NoteInput;
}): Promise<NoteView> {
  const data = parseOrThrow(noteInputSchema, input);
  return db.transaction(async (tx) => {
    const [note] = await tx.select().from(caseNotes).where(eq(caseNotes.id, noteId)).for("update");
    if (!note) throw AppError.notFound("Note");
    const { access } = await loadCase(tx, actor, note.caseId).catch(() => {
      throw AppError.notFound("Note");
    });
    authorize(actor, "case:read", { case: access }, "Note");
    if (!can(actor, "note:edit", { case: access, authorId: note.authorId }))
      throw new AppError("forbidden", "Only the author can edit a note");
    if (note.body === data.body)
      return toNoteView(actor, note, { id: actor.id, name: actor.name, email: actor.email }, true);
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
