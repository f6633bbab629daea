// `npm run worker`: runs the background jobs (text extraction, imports, evidence packs, sanctions
// lists) without the web server, for deployments that keep them apart (the web then runs with
// WORKER=off). Several workers may run at once: each claims jobs with FOR UPDATE SKIP LOCKED.
// SIGTERM or SIGINT: claims nothing more, lets running jobs finish for up to SHUTDOWN_TIMEOUT_MS,
// then hands the rest back to the queue so another instance takes them at once.
import { runScript } from "./support/run";

void runScript(async () => {
  const { requireSharedSecrets } = await import("@/lib/ops/shared-secrets");
  requireSharedSecrets();
  const { ready } = await import("@/db");
  const { env } = await import("@/lib/env");
  const { logger } = await import("@/lib/logger");
  await ready();
  const { prepareBackgroundWork } = await import("@/lib/ops/background");
  await prepareBackgroundWork();
  const { startJobWorker, stopJobWorker } = await import("@/lib/jobs/worker");
  startJobWorker();
  logger.info({ pid: process.pid }, "worker started");
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  logger.info({ signal }, "worker stopping");
  const released = await stopJobWorker(env.SHUTDOWN_TIMEOUT_MS);
  logger.info({ released }, "worker stopped");
  return 0;
});
