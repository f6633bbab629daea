import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { cases, referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { caseVisibleTo } from "@/lib/cases/access";
import { parseOrThrow } from "@/lib/errors";
import { overdueSql, selectReferrals, toReferralView } from "./present";
import { type ReferralListQuery, referralListQuerySchema } from "./schema";
import type { ReferralListView } from "./views";

/**
 * Referrals on every case the actor may see: overdue ones first, then by deadline (undated
 * last), then newest. Visibility is the case's, so legal sees what they belong to and every
 * referred case.
 */
export async function listReferrals({
  actor,
  query,
}: {
  actor: Actor;
  query?: ReferralListQuery;
}): Promise<ReferralListView> {
  const q = parseOrThrow(referralListQuerySchema, query ?? {});
  if (!can(actor, "case:list")) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(
    caseVisibleTo(actor),
    q.destination?.length ? inArray(referrals.destination, q.destination) : undefined,
    q.status?.length ? inArray(referrals.status, q.status) : undefined,
    q.caseId ? eq(referrals.caseId, q.caseId) : undefined,
  );
  const now = new Date();
  const [rows, totals] = await Promise.all([
    selectReferrals(db, actor)
      .where(where)
      .orderBy(
        desc(overdueSql),
        sql`${referrals.deadlineAt} asc nulls last`,
        desc(referrals.createdAt),
        desc(referrals.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(referrals).innerJoin(cases, eq(cases.id, referrals.caseId)).where(where),
  ]);
  return {
    items: rows.map((row) => toReferralView(actor, row, now)),
    total: Number(totals[0]?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}
