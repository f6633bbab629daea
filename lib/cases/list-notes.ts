import { desc, eq, getTableColumns, sql } from "drizzle-orm";
import { db } from "@/db";
import { type CaseNote, caseNotes, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { readCasePage } from "./case-page-read";
import { toNoteView } from "./note-views";
import { pageQuerySchema } from "./schema";

type NoteWithAuthor = CaseNote & { authorName: string | null; authorEmail: string | null };

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
  const pageRows = db
    .select({ ...getTableColumns(caseNotes), authorName: users.name, authorEmail: users.email })
    .from(caseNotes)
    .leftJoin(users, eq(users.id, caseNotes.authorId))
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .as("page_rows");
  const { access, rows, total } = await readCasePage<NoteWithAuthor>({
    actor,
    caseId,
    page: pageRows,
    pageRow: pageRows._.selectedFields,
    order: [desc(pageRows.createdAt), desc(pageRows.id)],
    total: sql`(select count(*) from ${caseNotes} where ${caseNotes.caseId} = ${caseId})`,
  });
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
