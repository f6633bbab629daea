import fsp from "node:fs/promises";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { exports } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { logger } from "@/lib/logger";
import { buildPack, PackBuildError } from "./build";
import { leaseIsFree, releaseLease } from "./lease";
import { packPath } from "./paths";

// Builds are disk-bound; two at a time keep one big pack from starving a small one without
// competing the disk to a crawl.
const MAX_PARALLEL_BUILDS = 2;

interface Jobs {
  queue: string[];
  running: Set<string>;
  idle: (() => void)[];
}

const jobsKey = Symbol.for("casework.exportJobs");
function jobs(): Jobs {
  const g = globalThis as typeof globalThis & { [jobsKey]?: Jobs };
  g[jobsKey] ??= { queue: [], running: new Set(), idle: [] };
  return g[jobsKey];
}

/**
 * Queues a build in this process. The caller holds the export's lease already (taken before the
 * row was written), so no other instance starting up takes the queued export for abandoned.
 */
export function scheduleBuild(id: string): void {
  jobs().queue.push(id);
  pump();
}

function pump(): void {
  const j = jobs();
  while (j.running.size < MAX_PARALLEL_BUILDS && j.queue.length > 0) {
    const id = j.queue.shift()!;
    j.running.add(id);
    void runBuild(id).finally(() => {
      j.running.delete(id);
      releaseLease(id);
      pump();
    });
  }
  if (j.running.size === 0 && j.queue.length === 0) for (const resolve of j.idle.splice(0)) resolve();
}

async function runBuild(id: string): Promise<void> {
  try {
    await buildPack(id);
  } catch (error) {
    // Only our own messages reach the user; anything unexpected is logged with the export id.
    const message =
      error instanceof PackBuildError
        ? error.message
        : `The pack could not be built (export ${id}); the server log has the details`;
    if (!(error instanceof PackBuildError)) logger.error({ err: error, exportId: id }, "export build failed");
    await failExport(id, message).catch((err: unknown) =>
      logger.error({ err, exportId: id }, "could not mark the export failed"),
    );
  }
}

/** Marks an unfinished export failed (a finished one is never touched) and removes any partial file. */
async function failExport(id: string, message: string): Promise<boolean> {
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
  if (failed)
    await Promise.all([fsp.rm(`${packPath(id)}.part`, { force: true }), fsp.rm(packPath(id), { force: true })]);
  return failed;
}

/** Resolves once this process has no export queued or building (tests and benchmarks wait on it). */
export function buildsIdle(): Promise<void> {
  const j = jobs();
  if (j.running.size === 0 && j.queue.length === 0) return Promise.resolve();
  return new Promise((resolve) => j.idle.push(resolve));
}

/**
 * Start-up: exports left queued or building by a process that died would wait forever; they are
 * marked failed with a message saying to export again. Exports this process is building, or
 * another live instance holds the lease of, are left alone.
 */
export async function recoverAbandonedExports(): Promise<number> {
  const j = jobs();
  const open = await db
    .select({ id: exports.id })
    .from(exports)
    .where(inArray(exports.status, ["queued", "running"]));
  let recovered = 0;
  for (const { id } of open) {
    if (j.running.has(id) || j.queue.includes(id)) continue;
    if (!(await leaseIsFree(id))) continue;
    if (
      await failExport(
        id,
        "The server stopped before this pack was finished. Nothing was exported; start a new export.",
      )
    )
      recovered++;
  }
  return recovered;
}
