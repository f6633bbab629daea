import { and, eq, sql } from "drizzle-orm";
import { type DbOrTx, db, queryRows } from "@/db";
import { jobs, type Job } from "@/db/schema";
import { env } from "@/lib/env";
import { currentRequestId } from "@/lib/ops/request-context";

export interface JobRequest {
  kind: string;
  /** One job per kind and key: the same work queued again while it waits is one job. */
  key: string;
  payload?: Record<string, unknown>;
  maxAttempts?: number;
  runAfter?: Date;
}

/** How long a claim holds a job without a renewal: a process that dies loses it after this. */
export const LEASE_MS = env.JOB_LEASE_MS;

/**
 * Queues work in the caller's transaction, so the job exists exactly when the rows it works on
 * do. Work already waiting or running under the same kind and key is left as it is; finished
 * work is queued again (re-running is how an item is processed anew).
 */
export async function enqueueJob(runner: DbOrTx, request: JobRequest): Promise<void> {
  // The request that queued the work, so the job's log lines can be found with the request's.
  const requestId = currentRequestId();
  const values = {
    kind: request.kind,
    key: request.key,
    payload: { ...request.payload, ...(requestId ? { requestId } : {}) },
    maxAttempts: request.maxAttempts ?? 3,
    runAfter: request.runAfter ?? new Date(),
  };
  // A job of this key that is running may already have read past this change: its run_after is
  // moved past the time it was claimed, and completeJob queues it again instead of ending it.
  const running = sql`${jobs.status} = 'running'`;
  await runner
    .insert(jobs)
    .values(values)
    .onConflictDoUpdate({
      target: [jobs.kind, jobs.key],
      set: {
        payload: values.payload,
        maxAttempts: values.maxAttempts,
        runAfter: sql`case when ${running}
          then greatest(${jobs.runAfter} + interval '1 millisecond', ${claimClock}, ${values.runAfter.toISOString()}::timestamptz)
          else ${values.runAfter.toISOString()}::timestamptz end`,
        status: sql`case when ${running} then 'running'::job_status else 'queued'::job_status end`,
        attempts: sql`case when ${running} then ${jobs.attempts} else 0 end`,
        progress: sql`case when ${running} then ${jobs.progress} else 0 end`,
        error: null,
        leaseUntil: sql`case when ${running} then ${jobs.leaseUntil} else null end`,
        finishedAt: null,
      },
      setWhere: sql`${jobs.status} in ('done', 'failed', 'running')`,
    });
}

/** The clock a claim is stamped with, to the millisecond (what a JavaScript Date holds). */
const claimClock = sql`date_trunc('milliseconds', clock_timestamp())`;

/**
 * Takes the oldest due job of the given kinds for this process: a queued one whose time has come,
 * or a running one whose lease ran out (its process died) with attempts left. SKIP LOCKED lets
 * several instances claim at once without waiting on each other or taking the same job.
 */
export async function claimJob(kinds: readonly string[], keys?: readonly string[]): Promise<Job | null> {
  if (kinds.length === 0 || keys?.length === 0) return null;
  const onlyKeys = keys
    ? sql`and key in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update ${jobs} set status = 'running', attempts = attempts + 1, run_after = ${claimClock},
          lease_until = now() + ${`${LEASE_MS} milliseconds`}::interval, updated_at = now()
        where id = (
          select id from ${jobs}
          where (status = 'queued' or (status = 'running' and lease_until < now()))
            and run_after <= now() and attempts < max_attempts
            and kind in (${sql.join(
              kinds.map((k) => sql`${k}`),
              sql`, `,
            )}) ${onlyKeys}
          order by run_after, created_at
          limit 1
          for update skip locked
        )
        returning id`,
  );
  const id = rows[0]?.id;
  if (!id) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}

/** Keeps the claim alive while the work goes on; false when the job is no longer this claim's. */
export async function renewLease(job: Pick<Job, "id" | "attempts">): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ leaseUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.attempts, job.attempts)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function reportProgress(job: Pick<Job, "id">, perMille: number): Promise<void> {
  const progress = Math.max(0, Math.min(1000, Math.round(perMille)));
  await db
    .update(jobs)
    .set({ progress })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, "running")));
}

/**
 * Ends a claimed job; one queued again while it ran (its run_after moved past the claim) goes back
 * to the queue as a fresh run instead, so a change committed during the run is not left undone.
 */
export async function completeJob(job: Pick<Job, "id" | "attempts" | "runAfter">): Promise<void> {
  const requeued = sql`${jobs.runAfter} > ${job.runAfter.toISOString()}::timestamptz`;
  await db
    .update(jobs)
    .set({
      status: sql`case when ${requeued} then 'queued'::job_status else 'done'::job_status end`,
      attempts: sql`case when ${requeued} then 0 else ${jobs.attempts} end`,
      progress: sql`case when ${requeued} then 0 else 1000 end`,
      leaseUntil: null,
      error: null,
      finishedAt: sql`case when ${requeued} then null else now() end`,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.attempts, job.attempts)));
}

/**
 * Gives a claimed job back untried (this process is stopping): queued at once for any instance,
 * without counting the attempt. False when the claim was no longer this process's.
 */
export async function releaseJob(job: Pick<Job, "id" | "attempts">): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: "queued", attempts: sql`${jobs.attempts} - 1`, leaseUntil: null, runAfter: new Date() })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.attempts, job.attempts)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * A failed attempt: queued again after a backoff while attempts remain (retry true), otherwise
 * failed for good with the message.
 */
export async function failJob(
  job: Pick<Job, "id" | "attempts" | "maxAttempts">,
  message: string,
  retry = true,
): Promise<void> {
  const again = retry && job.attempts < job.maxAttempts;
  await db
    .update(jobs)
    .set(
      again
        ? {
            status: "queued",
            leaseUntil: null,
            error: message,
            runAfter: new Date(Date.now() + backoffMs(job.attempts)),
          }
        : { status: "failed", leaseUntil: null, error: message, finishedAt: new Date() },
    )
    .where(and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.attempts, job.attempts)));
}

const backoffMs = (attempts: number) => Math.min(5 * 60_000, 2_000 * 4 ** (attempts - 1));

/**
 * Running jobs whose lease ran out with no attempts left (their process died each time) are
 * failed, so they do not read as running forever. Answers the jobs it failed.
 */
export async function failExhaustedJobs(): Promise<Pick<Job, "id" | "kind" | "key" | "payload">[]> {
  return db
    .update(jobs)
    .set({
      status: "failed",
      leaseUntil: null,
      error: "The server stopped while working on this each time it was tried",
      finishedAt: new Date(),
    })
    .where(sql`${jobs.status} = 'running' and ${jobs.leaseUntil} < now() and ${jobs.attempts} >= ${jobs.maxAttempts}`)
    .returning({ id: jobs.id, kind: jobs.kind, key: jobs.key, payload: jobs.payload });
}

export async function getJob(kind: string, key: string): Promise<Job | null> {
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind), eq(jobs.key, key)));
  return job ?? null;
}
