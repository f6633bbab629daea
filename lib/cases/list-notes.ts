import { desc, eq, getTableColumns, sql } from "drizzle-orm";
import { type CaseNote, caseNotes, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { casePageParams, casePageReader } from "./case-page-read";
import { toNoteView } from "./note-views";
import { pageQuerySchema } from "./schema";

type NoteWithAuthor = CaseNote & { authorName: string | null; authorEmail: string | null };

const readNotes = casePageReader<NoteWithAuthor>("case_notes_page", (db) => {
  const { caseId, limit, offset } = casePageParams;
  const page = db
    .select({ ...getTableColumns(caseNotes), authorName: users.name, authorEmail: users.email })
    .from(caseNotes)
    .leftJoin(users, eq(users.id, caseNotes.authorId))
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id))
    .limit(limit)
    .offset(offset)
    .as("page_rows");
  return {
    page,
    pageRow: page._.selectedFields,
    order: [desc(page.createdAt), desc(page.id)],
    total: sql`(select count(*) from ${caseNotes} where ${caseNotes.caseId} = ${caseId})`,
  };
});

export async function listNotes({
  actor,
  caseId,
  page,
}: {
  actor: Actor;
  caseId: string;
  page?: { page?: number; pageSize?: number };
}) {
  const p = parseOrThrow(pageQuerySchema, page ?? {});
  const { access, rows, total } = await readNotes({ actor, caseId, page: p.page, pageSize: p.pageSize });
  const mayEdit = can(actor, "note:edit", { case: access, authorId: actor.id });
  return {
    items: rows.map(({ authorName, authorEmail, ...note }) =>
      toNoteView(
        actor,
        note,
        note.authorId && authorName && authorEmail ? { id: note.authorId, name: authorName, email: authorEmail } : null,
        mayEdit,
      ),
    ),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}
