/**
 * The SQL behind the case endpoints, captured from drizzle without running it, so the raw
 * baseline and the bare server execute exactly what the product executes. The case list comes
 * from lib itself (caseListStatements); the case page queries mirror lib/cases/{access,present,
 * list-notes,list-activity}.ts builder for builder. Import only after pointAppAtBench().
 */
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { auditEvents, caseMembers, caseNotes, cases, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseListStatements } from "@/lib/cases/list-cases";
import { caseListQuerySchema } from "@/lib/cases/schema";
import { CASE_ID, type CasePageSql, LEAD_ID, type Statement } from "./sql-runner";

const statement = (q: { toSQL(): { sql: string; params: unknown[] } }): Statement => {
  const { sql, params } = q.toSQL();
  return { text: sql, params };
};

export function caseListSql(actor: Actor, query: Record<string, string>): { rows: Statement; total: Statement } {
  const { rows, total } = caseListStatements(actor, caseListQuerySchema.parse(query));
  return { rows: statement(rows), total: statement(total) };
}

export function casePageSql(actor: Actor): CasePageSql {
  return {
    loadCase: statement(
      db
        .select({ row: cases, memberRole: caseMembers.role })
        .from(cases)
        .leftJoin(caseMembers, and(eq(caseMembers.caseId, cases.id), eq(caseMembers.userId, actor.id)))
        .where(eq(cases.id, CASE_ID)),
    ),
    members: statement(
      db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          role: caseMembers.role,
          addedAt: caseMembers.addedAt,
        })
        .from(caseMembers)
        .innerJoin(users, eq(users.id, caseMembers.userId))
        .where(eq(caseMembers.caseId, CASE_ID))
        .orderBy(asc(users.name)),
    ),
    lead: statement(
      db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, [LEAD_ID])),
    ),
    notes: statement(
      db
        .select({ note: caseNotes, authorName: users.name, authorEmail: users.email })
        .from(caseNotes)
        .leftJoin(users, eq(users.id, caseNotes.authorId))
        .where(eq(caseNotes.caseId, CASE_ID))
        .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id))
        .limit(25)
        .offset(0),
    ),
    notesCount: statement(db.select({ n: count() }).from(caseNotes).where(eq(caseNotes.caseId, CASE_ID))),
    activity: statement(
      db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.caseId, CASE_ID))
        .orderBy(desc(auditEvents.seq))
        .limit(25)
        .offset(0),
    ),
    activityCount: statement(db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.caseId, CASE_ID))),
  };
}
