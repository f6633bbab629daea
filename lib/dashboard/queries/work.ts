import { and, count, inArray, lt, type SQL, sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import {
  cases,
  referrals,
  type ReferralDestination,
  type ReferralStatus,
  remediationTasks,
  type TaskStatus,
  users,
} from "@/db/schema";
import { openReferralStatuses } from "@/lib/referrals/workflow";
import { openTaskStatuses } from "@/lib/remediation/present";
import { referralStatuses } from "@/db/schema/referrals";
import { caseInScope, inPeriod, type Scope } from "../scope";
import type { OverdueReferral, OverdueTask } from "../views";

const LIST_LIMIT = 10;

const overdueTask = (scope: Scope) =>
  and(
    inArray(remediationTasks.status, [...openTaskStatuses]),
    lt(remediationTasks.dueAt, scope.now),
    caseInScope(remediationTasks.caseId, scope),
  );

export function overdueTaskCountQuery(scope: Scope) {
  return db.select({ n: count() }).from(remediationTasks).where(overdueTask(scope));
}

const isoUtc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The most overdue first, counted separately so the list never joins more than it shows. One
 * branch per status lets each walk the (status, due_at) index in order and stop at the tenth.
 */
export function overdueTasksSql(scope: Scope): SQL {
  const branch = (status: TaskStatus) =>
    sql`(select * from ${remediationTasks} where ${remediationTasks.status} = ${status} and ${remediationTasks.dueAt} < ${scope.now.toISOString()}::timestamptz
          and ${caseInScope(remediationTasks.caseId, scope)} order by ${remediationTasks.dueAt}, ${remediationTasks.id} limit ${LIST_LIMIT})`;
  return sql`select t.id, t.case_id as "caseId", c.ref as "caseRef", c.title as "caseTitle", t.title, t.kind, t.status,
          ${isoUtc(sql`t.due_at`)} as "dueAt", u.name as "ownerName"
        from (${sql.join(openTaskStatuses.map(branch), sql` union all `)}) t
        join ${cases} c on c.id = t.case_id
        left join ${users} u on u.id = t.owner_id
        order by t.due_at, t.id limit ${LIST_LIMIT}`;
}

/** Remediation still to do (or under way) past its due time, now. */
export async function overdueTasks(scope: Scope): Promise<{ count: number; items: OverdueTask[] }> {
  const [[total], items] = await Promise.all([
    overdueTaskCountQuery(scope),
    queryRows<OverdueTask>(db, overdueTasksSql(scope)),
  ]);
  return { count: total?.n ?? 0, items };
}

export function referralsSql(scope: Scope): SQL {
  return sql`select ${referrals.destination} as destination, ${referrals.status} as status, count(*)::int as count
        from ${referrals}
        where ${inPeriod(referrals.createdAt, scope)} and ${caseInScope(referrals.caseId, scope)}
        group by 1, 2`;
}

/** Referrals created in the period, by destination, with every status counted (zeros included). */
export async function referralsByDestination(scope: Scope) {
  const rows = await queryRows<{ destination: ReferralDestination; status: ReferralStatus; count: number }>(
    db,
    referralsSql(scope),
  );
  const zero = () => Object.fromEntries(referralStatuses.map((s) => [s, 0])) as Record<ReferralStatus, number>;
  const byDestination = new Map<
    ReferralDestination,
    { destination: ReferralDestination; total: number; byStatus: Record<ReferralStatus, number> }
  >();
  for (const row of rows) {
    const entry = byDestination.get(row.destination) ?? { destination: row.destination, total: 0, byStatus: zero() };
    entry.byStatus[row.status] += row.count;
    entry.total += row.count;
    byDestination.set(row.destination, entry);
  }
  return [...byDestination.values()].sort((a, b) => b.total - a.total || a.destination.localeCompare(b.destination));
}

// The same rule as the Referrals page's `overdue` (isReferralOverdue): open and past its deadline.
const overdueReferral = (scope: Scope) =>
  and(
    inArray(referrals.status, [...openReferralStatuses]),
    lt(referrals.deadlineAt, scope.now),
    caseInScope(referrals.caseId, scope),
  );

export function overdueReferralCountQuery(scope: Scope) {
  return db.select({ n: count() }).from(referrals).where(overdueReferral(scope));
}

/** Same shape as the task list: one ordered branch per status, so each stops at the tenth. */
export function overdueReferralsSql(scope: Scope): SQL {
  const branch = (status: ReferralStatus) =>
    sql`(select * from ${referrals} where ${referrals.status} = ${status} and ${referrals.deadlineAt} < ${scope.now.toISOString()}::timestamptz
          and ${caseInScope(referrals.caseId, scope)} order by ${referrals.deadlineAt}, ${referrals.id} limit ${LIST_LIMIT})`;
  return sql`select r.id, r.case_id as "caseId", c.ref as "caseRef", r.destination, r.destination_name as "destinationName", r.status,
          ${isoUtc(sql`r.deadline_at`)} as "deadlineAt"
        from (${sql.join(openReferralStatuses.map(branch), sql` union all `)}) r
        join ${cases} c on c.id = r.case_id
        order by r.deadline_at, r.id limit ${LIST_LIMIT}`;
}

/** Open referrals (draft, submitted, acknowledged) whose deadline has passed, now; longest missed first. */
export async function overdueReferrals(scope: Scope): Promise<{ count: number; items: OverdueReferral[] }> {
  const [[total], items] = await Promise.all([
    overdueReferralCountQuery(scope),
    queryRows<OverdueReferral>(db, overdueReferralsSql(scope)),
  ]);
  return { count: total?.n ?? 0, items };
}
