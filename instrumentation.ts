/**
 * Runs once when a Next.js server starts: migrate before the first request, on both drivers,
 * so a deploy with new migrations needs no separate step (PostgreSQL takes an advisory lock, so
 * several instances starting at once migrate one at a time). Next skips this during `next build`.
 */
export async function register(): Promise<void> {
  // The edge runtime cannot open a database; only the Node.js server migrates.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // On PostgreSQL (several instances may serve it) the shared secrets must be configured.
  const { exitUnlessSharedSecrets } = await import("@/lib/ops/shared-secrets");
  exitUnlessSharedSecrets();
  // SIGTERM: readiness 503, jobs handed back, exit by SHUTDOWN_TIMEOUT_MS (Next finishes requests).
  const { installGracefulShutdown } = await import("@/lib/ops/shutdown");
  installGracefulShutdown();
  const { ready } = await import("@/db");
  await ready();
  // Uploads cut off by a crash leave temp files; nothing is lost by removing them, so a
  // failure here is logged and never stops the server from starting.
  const { cleanupAbandonedUploads } = await import("@/lib/storage");
  const { logger } = await import("@/lib/logger");
  await cleanupAbandonedUploads().then(
    (removed) => removed > 0 && logger.info({ removed }, "removed abandoned upload temp files"),
    (err: unknown) => logger.warn({ err }, "could not clean abandoned upload temp files"),
  );
  // Background work runs in every instance unless WORKER=off (then `npm run worker` runs it).
  const { env } = await import("@/lib/env");
  if (env.WORKER !== "off") {
    const { prepareBackgroundWork } = await import("@/lib/ops/background");
    await prepareBackgroundWork();
    const { startJobWorker } = await import("@/lib/jobs/worker");
    startJobWorker();
  }
  // The newest audit events, signed into the anchors (DATA_DIR/audit-anchors.jsonl, or the bucket's anchors/
  // with STORAGE=s3) every minute and at shutdown, so deleting or rewriting them in the database shows in `audit verify`.
  const { startAuditAnchoring } = await import("@/lib/audit/anchor-schedule");
  startAuditAnchoring();
}
