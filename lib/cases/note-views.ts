import type { caseNotes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { NoteView } from "./views";

export type NoteRow = typeof caseNotes.$inferSelect;
export type Author = { id: string; name: string; email: string } | null;

export function toNoteView(actor: Actor, note: NoteRow, author: Author, mayEdit: boolean): NoteView {
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
