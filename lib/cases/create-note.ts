import { db } from "@/db";
import { caseNotes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { parseOrThrow } from "@/lib/errors";
import { notifyMentions } from "@/lib/notifications/events";
import { loadCase } from "./access";
import { toNoteView } from "./note-views";
import { type NoteInput, noteInputSchema } from "./schema";
import type { NoteView } from "./views";

export async function createNote({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: NoteInput;
}): Promise<NoteView> {
  const data = parseOrThrow(noteInputSchema, input);
  return db.transaction(async (tx) => {
    const { access } = await loadCase(tx, actor, caseId);
    authorize(actor, "note:create", { case: access }, "Case");
    const [note] = await tx.insert(caseNotes).values({ caseId, authorId: actor.id, body: data.body }).returning();
    if (!note) throw new Error("note insert returned nothing");
    await notifyMentions(tx, { actorId: actor.id, caseId, noteId: note.id, body: data.body });
    await recordAudit(tx, {
      actor,
      action: "note.create",
      entityType: "note",
      entityId: note.id,
      caseId,
      detail: { length: data.body.length },
    });
    return toNoteView(actor, note, { id: actor.id, name: actor.name, email: actor.email }, true);
  });
}
