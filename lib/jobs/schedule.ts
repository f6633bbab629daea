import { and, eq, lt, ne } from "drizzle-orm";
import { db } from "@/db";
import { jobs } from "@/db/schema";

/** A job kind run once every `everyMs` (slots start at `offsetMs` past the epoch's, in UTC). */
export interface Schedule {
  kind: string;
  everyMs: number;
  offsetMs?: number;
}

const HOUR = 60 * 60_000;

export const schedules: Schedule[] = [
  // Task and referral deadline reminders; each is sent once however often this runs.
  { kind: "notification.reminders", everyMs: HOUR / 4 },
  // The daily e-mail digest, at 07:00 UTC.
  { kind: "notification.digest", everyMs: 24 * HOUR, offsetMs: 7 * HOUR },
];

/** The current slot's key and start for a schedule. */
export function slotOf(schedule: Schedule, now: Date): { key: string; at: Date } {
  const offset = schedule.offsetMs ?? 0;
  const slot = Math.floor((now.getTime() - offset) / schedule.everyMs);
  return { key: `every:${slot}`, at: new Date(slot * schedule.everyMs + offset) };
}

/**
 * Queues each schedule's current slot as a job keyed by the slot: every instance calls this, the
 * first insert wins and the others change nothing, so each slot runs once across instances. An
 * insert only (never enqueueJob, which queues finished work again). Old finished slots are dropped.
 */
export async function queueScheduledJobs(now = new Date(), only: readonly Schedule[] = schedules): Promise<void> {
  for (const schedule of only) {
    const { key, at } = slotOf(schedule, now);
    await db.insert(jobs).values({ kind: schedule.kind, key, runAfter: at, maxAttempts: 3 }).onConflictDoNothing();
    await db
      .delete(jobs)
      .where(
        and(
          eq(jobs.kind, schedule.kind),
          ne(jobs.key, key),
          eq(jobs.status, "done"),
          lt(jobs.finishedAt, new Date(now.getTime() - 24 * HOUR)),
        ),
      );
  }
}
