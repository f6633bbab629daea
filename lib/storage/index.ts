import { env } from "@/lib/env";
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

/** Start-up housekeeping: temp files of uploads a killed server never finished. */
export async function cleanupAbandonedUploads(): Promise<number> {
  return localStore().cleanupTemp();
}
