import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { caseMembers, cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, type CaseAccess } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

/** A page of rows read from one case's children, written as a subquery (`.as(name)`). */
type PageSubquery = Parameters<ReturnType<typeof db.select>["from"]>[0];

/**
 * One page of a case's children (notes, activity), in one statement: the case with the actor's
 * membership (what the need-to-know policy judges), the total, and the page, where reading them
 * one after another took three statements and two round trips. Nothing read is returned unless
 * the actor may read the case; a case they may not see answers not_found, as a missing one does.
 */
export async function readCasePage<T>({
  actor,
  caseId,
  page,
  pageRow,
  order,
  total,
}: {
  actor: Actor;
  caseId: string;
  /** The page's rows (already filtered to the case, ordered, limited and offset), as a subquery. */
  page: PageSubquery;
  /** The page's columns to return, taken from `page`; a case with no rows on this page gives none. */
  pageRow: Record<string, unknown>;
  /** The page's order again: a join keeps no order of its own. */
  order: SQL[];
  /** How many children the case has in all. */
  total: SQL;
}): Promise<{ access: CaseAccess; rows: T[]; total: number }> {
  const found = await db
    .select({
      status: cases.status,
      leadId: cases.leadId,
      memberRole: caseMembers.role,
      total: total.mapWith(Number),
      row: pageRow as unknown as Record<string, PgColumn>,
    })
    .from(cases)
    .leftJoin(caseMembers, and(eq(caseMembers.caseId, cases.id), eq(caseMembers.userId, actor.id)))
    .leftJoin(page, sql`true`)
    .where(eq(cases.id, caseId))
    .orderBy(...order);
  const first = found[0];
  if (!first) throw AppError.notFound("Case");
  const access: CaseAccess = { status: first.status, leadId: first.leadId, memberRole: first.memberRole };
  authorize(actor, "case:read", { case: access }, "Case");
  const rows = found.flatMap((f) => (f.row ? [f.row as unknown as T] : []));
  return { access, rows, total: first.total };
}
