import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { caseNoteRevisions, caseNotes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { addMember } from "./add-member";
import { createNote } from "./create-note";
import { listNotes } from "./list-notes";
import { updateNote } from "./update-note";
import type { CaseDetail } from "./views";

let author: Actor;
let colleague: Actor;
let admin: Actor;
let theCase: CaseDetail;

beforeAll(async () => {
  [author, colleague, admin] = await Promise.all([
    makeActor("investigator", "Note author"),
    makeActor("investigator", "Colleague"),
    makeActor("admin"),
  ]);
  theCase = await makeCase(author);
  await addMember({ actor: author, caseId: theCase.id, input: { userId: colleague.id } });
});

async function revisionsOf(noteId: string) {
  return db
    .select()
    .from(caseNoteRevisions)
    .where(eq(caseNoteRevisions.noteId, noteId))
    .orderBy(asc(caseNoteRevisions.editedAt));
}

describe("case notes", () => {
  it("lists notes newest first, with their authors, in pages", async () => {
    const c = await makeCase(author);
    await addMember({ actor: author, caseId: c.id, input: { userId: colleague.id } });
    const first = await createNote({ actor: author, caseId: c.id, input: { body: "first" } });
    const second = await createNote({ actor: colleague, caseId: c.id, input: { body: "second" } });
    const third = await createNote({ actor: author, caseId: c.id, input: { body: "third" } });

    const all = await listNotes({ actor: author, caseId: c.id });
    expect(all.total).toBe(3);
    expect(all.items.map((n) => n.id)).toEqual([third.id, second.id, first.id]);
    expect(all.items.map((n) => [n.body, n.author?.id, n.canEdit])).toEqual([
      ["third", author.id, true],
      ["second", colleague.id, false],
      ["first", author.id, true],
    ]);

    const page2 = await listNotes({ actor: author, caseId: c.id, page: { page: 2, pageSize: 2 } });
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((n) => n.body)).toEqual(["first"]);
  });

  it("trims the body and refuses an empty note", async () => {
    const note = await createNote({ actor: author, caseId: theCase.id, input: { body: "  spaced out \n" } });
    expect(note).toMatchObject({
      body: "spaced out",
      caseId: theCase.id,
      edited: false,
      canEdit: true,
      author: { id: author.id },
    });
    for (const body of ["", "   \n "]) {
      await expect(createNote({ actor: author, caseId: theCase.id, input: { body } })).rejects.toMatchObject({
        code: "bad_request",
      });
    }
    await expect(
      createNote({ actor: author, caseId: theCase.id, input: { body: "x", pinned: true } as never }),
    ).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("stores markup as plain text, exactly as written", async () => {
    const body = `<script>alert(1)</script> and <img src=x onerror="alert(2)"> & "quotes"`;
    const note = await createNote({ actor: author, caseId: theCase.id, input: { body } });
    expect(note.body).toBe(body);
    const [stored] = await db.select({ body: caseNotes.body }).from(caseNotes).where(eq(caseNotes.id, note.id));
    expect(stored?.body).toBe(body);
    const listed = await listNotes({ actor: colleague, caseId: theCase.id });
    expect(listed.items.find((n) => n.id === note.id)?.body).toBe(body);
  });

  it("lets the author edit, keeping every previous body as a revision", async () => {
    const note = await createNote({ actor: author, caseId: theCase.id, input: { body: "Version one" } });
    expect(await revisionsOf(note.id)).toEqual([]);

    const edited = await updateNote({ actor: author, noteId: note.id, input: { body: "Version two" } });
    expect(edited).toMatchObject({ id: note.id, body: "Version two", createdAt: note.createdAt });
    await updateNote({ actor: author, noteId: note.id, input: { body: "Version three" } });

    const revisions = await revisionsOf(note.id);
    expect(revisions.map((r) => [r.body, r.editedById])).toEqual([
      ["Version one", author.id],
      ["Version two", author.id],
    ]);
    const listed = await listNotes({ actor: author, caseId: theCase.id });
    expect(listed.items.find((n) => n.id === note.id)?.body).toBe("Version three");
  });

  it("saving the same text again adds no revision", async () => {
    const note = await createNote({ actor: author, caseId: theCase.id, input: { body: "Unchanged" } });
    await updateNote({ actor: author, noteId: note.id, input: { body: "Unchanged" } });
    expect(await revisionsOf(note.id)).toEqual([]);
  });

  it("marks a note edited when it changed well after it was written", async () => {
    const note = await createNote({ actor: author, caseId: theCase.id, input: { body: "Draft" } });
    // Backdate the note: the "edited" mark ignores changes within the first second.
    await db
      .update(caseNotes)
      .set({ createdAt: new Date(Date.now() - 60_000), updatedAt: new Date(Date.now() - 60_000) })
      .where(eq(caseNotes.id, note.id));
    const edited = await updateNote({ actor: author, noteId: note.id, input: { body: "Final" } });
    expect(edited.edited).toBe(true);
  });

  it.each([
    ["another member", () => colleague],
    ["an admin", () => admin],
  ])("refuses edits by %s with forbidden, changing nothing", async (_who, who) => {
    const note = await createNote({ actor: author, caseId: theCase.id, input: { body: "Mine alone" } });
    await expect(updateNote({ actor: who(), noteId: note.id, input: { body: "Not yours" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    const [stored] = await db.select({ body: caseNotes.body }).from(caseNotes).where(eq(caseNotes.id, note.id));
    expect(stored?.body).toBe("Mine alone");
    expect(await revisionsOf(note.id)).toEqual([]);
  });

  it("answers not_found for a note that does not exist", async () => {
    await expect(updateNote({ actor: author, noteId: randomUUID(), input: { body: "x" } })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
