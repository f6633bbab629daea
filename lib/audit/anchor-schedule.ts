import { db } from "@/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { writeAuditAnchor } from "./write-anchor";

const INTERVAL_MS = 60_000;
// Shutdown must not wait on a database that no longer answers.
const SHUTDOWN_BUDGET_MS = 2_000;
const startedKey = Symbol.for("casework.auditAnchoring");
type GlobalWithFlag = typeof globalThis & { [startedKey]?: boolean };

let running: Promise<void> | null = null;

/** One anchor if the head moved; a failure is logged, never thrown, so the server keeps serving. */
function anchorNow(): Promise<void> {
  running ??= writeAuditAnchor({ db })
    .then(
      (result) => {
        if (result.written) logger.debug({ seq: result.anchor.seq }, "audit log anchored");
      },
      (err: unknown) => {
        // A refusal means the log no longer matches its last anchor: someone changed the database.
        if (err instanceof AppError && err.code === "conflict")
          logger.error({ err }, "audit log does not match its last anchor");
        else logger.warn({ err }, "could not anchor the audit log");
      },
    )
    .finally(() => {
      running = null;
    });
  return running;
}

/**
 * Anchors the audit log at start-up, then every minute (only when the head moved) and once more
 * on SIGTERM or SIGINT, so a tail deleted or rewritten later shows in `audit verify`. Events after
 * the last anchor are not covered: the interval bounds how many.
 */
export function startAuditAnchoring(): void {
  const g = globalThis as GlobalWithFlag;
  if (g[startedKey]) return;
  g[startedKey] = true;
  void anchorNow();
  setInterval(() => void anchorNow(), INTERVAL_MS).unref();
  const onSignal = (signal: NodeJS.Signals) => {
    // Next.js has its own handler that closes the server and exits; this one only races it.
    // Alone (Next told to leave signals to the app), it must not swallow the signal: re-raise it
    // once this one-shot listener is gone, so the default action ends the process.
    const alone = process.listenerCount(signal) === 0;
    void Promise.race([anchorNow(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_BUDGET_MS).unref())]).finally(
      () => {
        if (alone) process.kill(process.pid, signal);
      },
    );
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, onSignal);
}
