import { logger } from "@/lib/logger";

/**
 * Start-up housekeeping of any process that runs jobs (the web server unless WORKER=off, and
 * `npm run worker`): exports left with no job are marked failed, items never read and personas
 * never scored are queued.
 * Failures are logged, never thrown: they must not keep a server from starting.
 */
export async function prepareBackgroundWork(): Promise<void> {
  const { recoverAbandonedExports } = await import("@/lib/exports/build-job");
  await recoverAbandonedExports().then(
    (failed) => failed > 0 && logger.warn({ failed }, "marked exports left unfinished by a stopped server as failed"),
    (err: unknown) => logger.warn({ err }, "could not check for unfinished exports"),
  );
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
}
