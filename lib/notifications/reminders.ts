import { and, eq, gt, inArray, isNotNull, lte } from "drizzle-orm";
import { db } from "@/db";
import { caseMembers, cases, referrals, remediationTasks } from "@/db/schema";
import type { JobHandler } from "@/lib/jobs/handlers";
import { addUsBusinessDays } from "@/lib/referrals/deadlines";
import { openTaskStatuses } from "@/lib/remediation/present";
import { notify } from "./notify";

const DAY = 86_400_000;
// An overdue task older than this is not announced: a first start on old data would flood inboxes.
const OVERDUE_LOOKBACK_MS = 7 * DAY;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Business days from `today` to `deadline`'s date, US federal (as the OFAC window counts them). */
function businessDaysLeft(today: string, deadline: string): number {
  let n = 0;
  while (n < 30 && addUsBusinessDays(today, n) < deadline) n += 1;
  return n;
}

/** Tasks due tomorrow and overdue, each told to its owner once per due date. */
export async function remindTasks(now: Date): Promise<number> {
  const tomorrow = isoDate(new Date(now.getTime() + DAY));
  const rows = await db
    .select({ task: remediationTasks, ref: cases.ref })
    .from(remediationTasks)
    .innerJoin(cases, eq(cases.id, remediationTasks.caseId))
    .where(
      and(
        isNotNull(remediationTasks.ownerId),
        inArray(remediationTasks.status, [...openTaskStatuses]),
        gt(remediationTasks.dueAt, new Date(now.getTime() - OVERDUE_LOOKBACK_MS)),
        lte(remediationTasks.dueAt, new Date(`${tomorrow}T23:59:59.999Z`)),
      ),
    );
  let sent = 0;
  for (const { task, ref } of rows) {
    const due = task.dueAt!;
    const overdue = due.getTime() < now.getTime();
    if (!overdue && isoDate(due) !== tomorrow) continue;
    const event = overdue ? "task.overdue" : "task.due_tomorrow";
    const result = await db.transaction((tx) =>
      notify(tx, event, {
        recipients: [task.ownerId!],
        title: overdue ? `Overdue: ${task.title} (${ref})` : `Due tomorrow: ${task.title} (${ref})`,
        url: `/cases/${task.caseId}?tab=remediation`,
        caseId: task.caseId,
        key: `${event}:${task.id}:${due.toISOString()}`,
        data: { taskId: task.id, dueAt: due.toISOString() },
      }),
    );
    sent += result.notificationIds.length;
  }
  return sent;
}

/**
 * Referral deadlines of referrals not yet submitted: 3 business days before, 1 business day
 * before and once missed, each told once to the case's lead, its legal members and whoever
 * started the referral.
 */
export async function remindReferrals(now: Date): Promise<number> {
  const today = isoDate(now);
  const rows = await db
    .select({ referral: referrals, ref: cases.ref, leadId: cases.leadId })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(
      and(
        eq(referrals.status, "draft"),
        gt(referrals.deadlineAt, new Date(now.getTime() - OVERDUE_LOOKBACK_MS)),
        lte(referrals.deadlineAt, new Date(`${addUsBusinessDays(today, 3)}T23:59:59.999Z`)),
      ),
    );
  let sent = 0;
  for (const { referral, ref, leadId } of rows) {
    const deadline = referral.deadlineAt!;
    const missed = deadline.getTime() < now.getTime();
    const left = missed ? 0 : businessDaysLeft(today, isoDate(deadline));
    const stage = missed ? "missed" : left <= 1 ? "1" : "3";
    const legal = await db
      .select({ userId: caseMembers.userId })
      .from(caseMembers)
      .where(and(eq(caseMembers.caseId, referral.caseId), eq(caseMembers.role, "legal")));
    const recipients = [leadId, referral.createdById, ...legal.map((l) => l.userId)].filter(
      (id): id is string => id !== null,
    );
    const event = missed ? "referral.deadline_missed" : "referral.deadline_soon";
    const when = left === 0 ? "today" : `in ${left} business day${left === 1 ? "" : "s"}`;
    const result = await db.transaction((tx) =>
      notify(tx, event, {
        recipients,
        title: missed ? `Referral deadline missed (${ref})` : `Referral deadline ${when} (${ref})`,
        url: `/cases/${referral.caseId}?tab=referrals`,
        caseId: referral.caseId,
        key: `referral.deadline:${stage}:${referral.id}:${deadline.toISOString()}`,
        data: { referralId: referral.id, deadlineAt: deadline.toISOString(), businessDaysLeft: left, missed },
      }),
    );
    sent += result.notificationIds.length;
  }
  return sent;
}

/** `notification.reminders`, queued every quarter hour by the schedule (lib/jobs/schedule.ts). */
export const remindersHandler: JobHandler = {
  concurrency: 1,
  async run() {
    const now = new Date();
    await remindTasks(now);
    await remindReferrals(now);
  },
};
