import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import { type DbOrTx, db } from "@/db";
import { exports, jobs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { type JobHandler, PermanentJobError } from "@/lib/jobs/handlers";
import { enqueueJob, renewLease } from "@/lib/jobs/queue";
import { drainJobs } from "@/lib/jobs/worker";
import { buildPack, PackBuildError } from "./build";
import { removePack } from "./paths";

export const EXPORT_BUILD = "export.build";

/**
 * Queues the build in the caller's transaction (the one that records the export), so the job
 * exists exactly when the export does and any instance may build it, even after this one died.
 */
export async function queueBuild(runner: DbOrTx, exportId: string): Promise<void> {
  await enqueueJob(runner, { kind: EXPORT_BUILD, key: exportId, payload: { exportId }, maxAttempts: 3 });
}

/** Marks an unfinished export failed (a finished one is never touched) and removes any partial file. */
export async function failExport(id: string, message: string): Promise<boolean> {
  const failed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(exports)
      .set({ status: "failed", error: message, completedAt: new Date() })
      .where(and(eq(exports.id, id), inArray(exports.status, ["queued", "running"])))
      .returning({ caseId: exports.caseId });
    if (!row) return false;
    await recordAudit(tx, {
      actor: null,
      action: "export.fail",
      entityType: "export",
      entityId: id,
      caseId: row.caseId,
      detail: { error: message },
    });
    return true;
  });
  // Only a done export has a valid pack; a file left by a build that died after writing it is an orphan.
  if (failed) await removePack(id);
  return failed;
}

export const buildExportHandler: JobHandler = {
  // Builds are disk-bound; two at a time keep one big pack from starving a small one without
  // competing the disk to a crawl.
  concurrency: 2,
  async run({ job, progress }) {
    const exportId = job.payload.exportId;
    if (typeof exportId !== "string") throw new PermanentJobError("the job names no export");
    try {
      await buildPack(exportId, {
        onProgress: progress,
        // A claim lost meanwhile (this process stalled past its lease) means another attempt owns
        // the export now: this one must not put its pack in place.
        stillHeld: () => renewLease(job),
      });
    } catch (error) {
      // Only our own messages reach the user; anything else is logged by the worker with the job.
      if (error instanceof PackBuildError) throw new PermanentJobError(error.message);
      throw new Error(`The pack could not be built (export ${exportId}); the server log has the details`, {
        cause: error,
      });
    }
  },
  async onFailed(job, message) {
    const exportId = job.payload.exportId;
    if (typeof exportId === "string") await failExport(exportId, message);
  },
};

/**
 * Start-up: exports left queued or building with no job to finish them (made before builds were
 * jobs, or whose job was lost) would wait forever; they are marked failed, saying to export again.
 */
export async function recoverAbandonedExports(): Promise<number> {
  const open = await db
    .select({ id: exports.id })
    .from(exports)
    .where(
      and(
        inArray(exports.status, ["queued", "running"]),
        notExists(
          db
            .select({ one: sql`1` })
            .from(jobs)
            .where(
              and(
                eq(jobs.kind, EXPORT_BUILD),
                eq(jobs.key, sql`${exports.id}::text`),
                inArray(jobs.status, ["queued", "running"]),
              ),
            ),
        ),
      ),
    );
  let recovered = 0;
  for (const { id } of open)
    if (
      await failExport(
        id,
        "The server stopped before this pack was finished. Nothing was exported; start a new export.",
      )
    )
      recovered++;
  return recovered;
}

/**
 * Builds every export waiting in this process until none is queued or running anywhere (tests
 * and benchmarks wait on it; in the server the job worker builds them).
 */
export async function buildsIdle(): Promise<void> {
  for (;;) {
    await drainJobs([EXPORT_BUILD]);
    const [open] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(and(eq(jobs.kind, EXPORT_BUILD), inArray(jobs.status, ["queued", "running"])));
    if (!open || Number(open.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
