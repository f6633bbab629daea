import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { jobStatuses } from "../../lib/jobs/constants";

export { jobStatuses };
export type { JobStatus } from "../../lib/jobs/constants";

export const jobStatus = pgEnum("job_status", jobStatuses);

/**
 * Background work that survives a restart: any instance claims a due job with FOR UPDATE SKIP
 * LOCKED and holds it by a lease it renews while it works; a job whose lease ran out (its
 * process died) is claimed again, up to maxAttempts. One row per kind and key: queueing the same
 * work again while it waits changes nothing.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    key: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: jobStatus().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(3),
    runAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp({ withTimezone: true }),
    // Per mille, for progress bars.
    progress: integer().notNull().default(0),
    error: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique().on(t.kind, t.key),
    index("jobs_due_idx")
      .on(t.runAfter)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

export type Job = typeof jobs.$inferSelect;
