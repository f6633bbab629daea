import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseNotes, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { toNoteView } from "./note-views";
import { pageQuerySchema } from "./schema";

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
      toNoteView(
        actor,
        note,
        note.authorId && authorName && authorEmail ? { id: note.authorId, name: authorName, email: authorEmail } : null,
        mayEdit,
      ),
    ),
    total: totals[0]?.n ?? 0,
    page: p.page,
    pageSize: p.pageSize,
  };
}
