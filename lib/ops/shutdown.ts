import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const key = Symbol.for("casework.shutdown");
type GlobalWithShutdown = typeof globalThis & { [key]?: { installed: boolean; stopping: boolean } };
const state = () => ((globalThis as GlobalWithShutdown)[key] ??= { installed: false, stopping: false });

/** True once SIGTERM arrived: the readiness check answers 503 so the load balancer stops sending. */
export const shuttingDown = () => state().stopping;

/**
 * SIGTERM or SIGINT in a web instance. Next.js itself stops accepting connections and exits once
 * the requests in flight (uploads and downloads too) have finished; this adds what it does not
 * do: readiness turns 503 at once, the jobs this process holds go back to the queue at once
 * (another instance starts them over rather than waiting for the lease to run out), and the
 * process exits after SHUTDOWN_TIMEOUT_MS even if a request is still going.
 */
export function installGracefulShutdown(): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (s.stopping) return;
    s.stopping = true;
    logger.info({ signal, timeoutMs: env.SHUTDOWN_TIMEOUT_MS }, "shutting down");
    setTimeout(() => {
      logger.warn("requests still running at the shutdown deadline: exiting anyway");
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS).unref();
    void import("@/lib/jobs/worker")
      .then(({ stopJobWorker }) => stopJobWorker(0))
      .then(
        (released) => released > 0 && logger.info({ released }, "handed running jobs back to the queue"),
        (err: unknown) => logger.warn({ err }, "could not hand jobs back"),
      );
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, onSignal);
}
