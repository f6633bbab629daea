import { db, ready, sql } from "@/db";
import { logger } from "@/lib/logger";
import { shuttingDown } from "@/lib/ops/shutdown";
import { evidenceStore } from "@/lib/storage";

export async function checkHealth(): Promise<boolean> {
  try {
    await ready();
    await db.execute(sql`select 1`);
    return true;
  } catch (error) {
    logger.warn({ err: error }, "health check failed");
    return false;
  }
}

export interface Readiness {
  ready: boolean;
  database: boolean;
  store: boolean;
  stopping: boolean;
}

// An address no upload has: asking for it shows the store answers without reading anything.
const PROBE = "0".repeat(64);

/** Ready for traffic: the database and the blob store answer, and the process is not stopping. */
export async function checkReadiness(): Promise<Readiness> {
  const [database, store] = await Promise.all([
    checkHealth(),
    evidenceStore()
      .exists(PROBE)
      .then(
        () => true,
        (error: unknown) => {
          logger.warn({ err: error }, "readiness: the blob store does not answer");
          return false;
        },
      ),
  ]);
  const stopping = shuttingDown();
  return { ready: database && store && !stopping, database, store, stopping };
}
