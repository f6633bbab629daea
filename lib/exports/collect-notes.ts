import { asc, count, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { caseNoteRevisions, caseNotes, users } from "@/db/schema";
import { actorLabel } from "@/lib/auth/actor";
import type { PackNote } from "./data";

/** The case's notes as they read now, oldest first, each with its author and how often it was edited. */
export async function readNotes(runner: DbOrTx, caseId: string): Promise<PackNote[]> {
  const rows = await runner
    .select({ note: caseNotes, name: users.name, email: users.email })
    .from(caseNotes)
    .leftJoin(users, eq(users.id, caseNotes.authorId))
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(asc(caseNotes.createdAt), asc(caseNotes.id));
  const ids = rows.map((r) => r.note.id);
  const edits = ids.length
    ? await runner
        .select({ noteId: caseNoteRevisions.noteId, n: count() })
        .from(caseNoteRevisions)
        .where(inArray(caseNoteRevisions.noteId, ids))
        .groupBy(caseNoteRevisions.noteId)
    : [];
  const editCount = new Map(edits.map((e) => [e.noteId, Number(e.n)]));
  return rows.map(({ note, name, email }) => {
    const edited = editCount.get(note.id) ?? 0;
    return {
      author: name !== null && email !== null ? actorLabel({ name, email }) : null,
      createdAt: note.createdAt.toISOString(),
      editedAt: edited ? note.updatedAt.toISOString() : null,
      edits: edited,
      body: note.body,
    };
  });
}
