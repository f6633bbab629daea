import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { LocalBlobStore } from "./local";
import type { BlobStore } from "./store";

export type { BlobStore, ByteRange, PutOptions, StagedBlob, StoredBlob } from "./store";
export { LocalBlobStore } from "./local";

let local: LocalBlobStore | undefined;

/** The store evidence bytes live in: the local data folder until an object store is configured. */
export function evidenceStore(): BlobStore {
  return localStore();
}

function localStore(): LocalBlobStore {
  local ??= new LocalBlobStore({ root: env.DATA_DIR });
  return local;
}

let sweeping: NodeJS.Timeout | undefined;

/**
 * Start-up housekeeping: temp files of uploads a killed process never finished. It runs again
 * every few heartbeats, because a process that died on another machine (or in a container that
 * restarted at once) is only known dead once its lease has gone stale.
 */
export async function cleanupAbandonedUploads(): Promise<number> {
  const store = localStore();
  sweeping ??= setInterval(() => {
    store.cleanupTemp().catch((err: unknown) => logger.warn({ err }, "could not clean abandoned upload temp files"));
  }, store.lease.staleAfterMs).unref();
  return store.cleanupTemp();
}
