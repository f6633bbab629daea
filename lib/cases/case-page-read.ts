import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Database, preparedStatement } from "@/db";
import { caseMembers, cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, type CaseAccess } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

/** A page of rows read from one case's children (notes, activity), written as a subquery (`.as(name)`). */
type PageSubquery = Parameters<ReturnType<Database["select"]>["from"]>[0];

/** The values a case page's statement is written with, filled in on each call. */
export const casePageParams = {
  caseId: sql.placeholder("caseId"),
  limit: sql.placeholder("limit"),
  offset: sql.placeholder("offset"),
};

interface CasePageParts {
  /** The page's rows (filtered to `casePageParams.caseId`, ordered, limited and offset by the params), as a subquery. */
  page: PageSubquery;
  /** The page's columns to return, taken from `page`; a case with no rows on this page gives none. */
  pageRow: Record<string, unknown>;
  /** The page's order again: a join keeps no order of its own. */
  order: SQL[];
  /** How many children the case has in all. */
  total: SQL;
}

/**
 * A reader of one page of a case's children (notes, activity), in one statement: the case with
 * the actor's membership (what the need-to-know policy judges), the total, and the page, where
 * reading them one after another took three statements and two round trips. The statement is
 * built once (`name`, from `build`'s parts) and reused. Nothing read is returned unless the actor
 * may read the case; a case they may not see answers not_found, as a missing one does.
 */
export function casePageReader<T>(name: string, build: (db: Database) => CasePageParts) {
  const statement = preparedStatement((db) => {
    const { page, pageRow, order, total } = build(db);
    return db
      .select({
        status: cases.status,
        leadId: cases.leadId,
        memberRole: caseMembers.role,
        total: total.mapWith(Number),
        row: pageRow as unknown as Record<string, PgColumn>,
      })
      .from(cases)
      .leftJoin(caseMembers, and(eq(caseMembers.caseId, cases.id), eq(caseMembers.userId, sql.placeholder("actorId"))))
      .leftJoin(page, sql`true`)
      .where(eq(cases.id, casePageParams.caseId))
      .orderBy(...order)
      .prepare(name);
  });
  return async ({
    actor,
    caseId,
    page,
    pageSize,
  }: {
    actor: Actor;
    caseId: string;
    page: number;
    pageSize: number;
  }): Promise<{ access: CaseAccess; rows: T[]; total: number }> => {
    const found = await statement().execute({
      actorId: actor.id,
      caseId,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const first = found[0];
    if (!first) throw AppError.notFound("Case");
    const access: CaseAccess = { status: first.status, leadId: first.leadId, memberRole: first.memberRole };
    authorize(actor, "case:read", { case: access }, "Case");
    const rows = found.flatMap((f) => (f.row ? [f.row as unknown as T] : []));
    return { access, rows, total: first.total };
  };
}
