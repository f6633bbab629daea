import { listenAll, notifyAll } from "@/db";
import type { Job } from "@/db/schema";
import { logger } from "@/lib/logger";
import { withRequestId } from "@/lib/ops/request-context";
import { type JobHandler, jobKinds, loadHandler, PermanentJobError } from "./handlers";
import {
  claimJob,
  completeJob,
  failExhaustedJobs,
  failJob,
  LEASE_MS,
  releaseJob,
  renewLease,
  reportProgress,
} from "./queue";
import { queueScheduledJobs } from "./schedule";

const POLL_MS = 2_000;
const SWEEP_MS = 60_000;
const SCHEDULE_MS = 60_000;

interface WorkerState {
  started: boolean;
  running: Map<string, number>;
  /** The jobs this process holds now, by id (handed back if it stops before they end). */
  claimed: Map<string, Job>;
  stopping: boolean;
  ticking: boolean;
  again: boolean;
}

const stateKey = Symbol.for("casework.jobWorker");
function state(): WorkerState {
  const g = globalThis as typeof globalThis & { [stateKey]?: WorkerState };
  g[stateKey] ??= {
    started: false,
    running: new Map(),
    claimed: new Map(),
    stopping: false,
    ticking: false,
    again: false,
  };
  return g[stateKey];
}

/** Runs one claimed job: renews its lease while it works, then records how it ended. */
async function runJob(job: Job, handler: JobHandler): Promise<void> {
  const renew = setInterval(() => {
    renewLease(job).catch((err: unknown) => logger.warn({ err, jobId: job.id }, "could not renew a job lease"));
  }, LEASE_MS / 3);
  try {
    const requestId = typeof job.payload.requestId === "string" ? job.payload.requestId : `job-${job.id}`;
    await withRequestId(requestId, () => handler.run({ job, progress: (perMille) => reportProgress(job, perMille) }));
    await completeJob(job);
  } catch (error) {
    const permanent = error instanceof PermanentJobError;
    const message = error instanceof Error ? error.message : String(error);
    if (!permanent) logger.error({ err: error, jobId: job.id, kind: job.kind }, "background job failed");
    await failJob(job, message, !permanent);
    if (permanent || job.attempts >= job.maxAttempts)
      await handler
        .onFailed?.(job, message)
        .catch((err: unknown) => logger.error({ err, jobId: job.id }, "could not record a failed job"));
  } finally {
    clearInterval(renew);
  }
}

async function tick(): Promise<void> {
  const s = state();
  if (s.stopping) return;
  if (s.ticking) {
    s.again = true;
    return;
  }
  s.ticking = true;
  try {
    for (;;) {
      const free: string[] = [];
      for (const kind of jobKinds) {
        const handler = await loadHandler(kind);
        if ((s.running.get(kind) ?? 0) < handler.concurrency) free.push(kind);
      }
      const job = await claimJob(free);
      if (!job) break;
      s.running.set(job.kind, (s.running.get(job.kind) ?? 0) + 1);
      s.claimed.set(job.id, job);
      const handler = await loadHandler(job.kind);
      void runJob(job, handler).finally(() => {
        s.running.set(job.kind, (s.running.get(job.kind) ?? 1) - 1);
        s.claimed.delete(job.id);
        void tick();
      });
      if (s.stopping) break;
    }
  } catch (err) {
    logger.warn({ err }, "could not claim background jobs");
  } finally {
    s.ticking = false;
    if (s.again) {
      s.again = false;
      void tick();
    }
  }
}

async function sweep(): Promise<void> {
  for (const job of await failExhaustedJobs()) {
    const handler = await loadHandler(job.kind).catch(() => null);
    await handler?.onFailed?.(job, "The server stopped while working on this each time it was tried");
  }
}

/**
 * Starts this process's job runner (the server does at start-up): it polls for due jobs every
 * few seconds, and at once when this process queues one (wakeJobs). Idempotent.
 */
export function startJobWorker(): void {
  const s = state();
  if (s.started) return;
  s.started = true;
  setInterval(() => void tick(), POLL_MS).unref();
  // Another instance queued a job: look at once instead of at the next poll.
  listenAll(JOBS_QUEUED, () => void tick()).catch((err: unknown) =>
    logger.warn({ err }, "could not listen for jobs queued by other instances"),
  );
  setInterval(() => {
    sweep().catch((err: unknown) => logger.warn({ err }, "could not sweep abandoned jobs"));
  }, SWEEP_MS).unref();
  // Periodic jobs (reminders, the daily digest): each slot is queued by whichever instance is first.
  const schedule = () =>
    queueScheduledJobs().catch((err: unknown) => logger.warn({ err }, "could not queue scheduled jobs"));
  setInterval(() => void schedule(), SCHEDULE_MS).unref();
  void schedule();
  void tick();
}

/**
 * Stops this process's runner (SIGTERM): it claims nothing more, lets running jobs finish for up
 * to `timeoutMs`, then hands the rest back to the queue at once, so another instance takes them
 * without waiting for their leases to run out. Answers how many it handed back.
 */
export async function stopJobWorker(timeoutMs: number): Promise<number> {
  const s = state();
  s.stopping = true;
  const deadline = Date.now() + timeoutMs;
  while (s.claimed.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  let released = 0;
  for (const job of s.claimed.values()) if (await releaseJob(job).catch(() => false)) released++;
  return released;
}

/** Jobs this process is running now. */
export const runningJobCount = () => state().claimed.size;

const JOBS_QUEUED = "casework_jobs_queued";

/**
 * Tells the runners of this and every other instance (a separate `npm run worker`) that a job was
 * queued, after the transaction that queued it committed.
 */
export function wakeJobs(): void {
  if (state().started) void tick();
  notifyAll(JOBS_QUEUED).catch((err: unknown) => logger.debug({ err }, "could not announce a queued job"));
}

/**
 * Runs due jobs in this process until none is left (tests, benchmarks, the CLI): the same path
 * as the runner, awaited. `keys` limits it to those jobs (a test's own).
 */
export async function drainJobs(kinds: readonly string[] = jobKinds, keys?: readonly string[]): Promise<number> {
  let ran = 0;
  for (;;) {
    const job = await claimJob(kinds, keys);
    if (!job) return ran;
    await runJob(job, await loadHandler(job.kind));
    ran += 1;
  }
}
