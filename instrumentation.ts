/**
 * Runs once when a Next.js server starts: migrate before the first request, on both drivers,
 * so a deploy with new migrations needs no separate step (PostgreSQL takes an advisory lock, so
 * several instances starting at once migrate one at a time). Next skips this during `next build`.
 */
export async function register(): Promise<void> {
  // The edge runtime cannot open a database; only the Node.js server migrates.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
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
  // Exports left queued or building with no job to finish them would wait forever: mark them failed.
  const { recoverAbandonedExports } = await import("@/lib/exports/build-job");
  await recoverAbandonedExports().then(
    (failed) => failed > 0 && logger.warn({ failed }, "marked exports left unfinished by a stopped server as failed"),
    (err: unknown) => logger.warn({ err }, "could not check for unfinished exports"),
  );
  // Background work (text extraction) runs in every instance; items never read are queued.
  const { queueMissingExtractions } = await import("@/lib/intake/extract-job");
  await queueMissingExtractions().then(
    (queued) => queued > 0 && logger.info({ queued }, "queued text extraction for items never read"),
    (err: unknown) => logger.warn({ err }, "could not queue text extraction"),
  );
  // Personas changed without a matching job (migration 0021, the seed) are queued for scoring.
  const { queueStaleMatching } = await import("@/lib/matching/queue-matching");
  await queueStaleMatching().then(
    (queued) => queued > 0 && logger.info({ queued }, "queued possible-match scoring"),
    (err: unknown) => logger.warn({ err }, "could not queue possible-match scoring"),
  );
  const { startJobWorker } = await import("@/lib/jobs/worker");
  startJobWorker();
  // The newest audit events, signed into DATA_DIR/audit-anchors.jsonl every minute and at
  // shutdown, so deleting or rewriting them in the database shows in `audit verify`.
  const { startAuditAnchoring } = await import("@/lib/audit/anchor-schedule");
  startAuditAnchoring();
}
