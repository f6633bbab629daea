import type { FileHandle } from "node:fs/promises";
import type { Readable } from "node:stream";

// One write is on its way while the next chunks are hashed, so hashing and writing overlap;
// chunks that arrive meanwhile are gathered into the next write, up to about this size.
const WRITE_BYTES = 1 << 20;
// The file is synced in the background every so often, so the disk writes while the upload is
// still arriving and the final sync has little left to do.
const SYNC_EVERY_BYTES = 64 << 20;

async function writeAll(handle: FileHandle, chunks: Uint8Array[]): Promise<void> {
  let rest = chunks;
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest);
    // A short write: drop what went out, then write the remainder.
    const left: Uint8Array[] = [];
    for (const chunk of rest) {
      if (bytesWritten >= chunk.length) bytesWritten -= chunk.length;
      else {
        left.push(chunk.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    rest = left;
  }
}

/**
 * Writes every chunk of `source` to `handle` in order, calling `inspect` on each chunk before it
 * is written (it may throw to stop). At most one write is in flight, so memory stays bounded by
 * about two batches. Resolves once every byte is written, not yet synced; on any failure the
 * source is stopped and the error thrown once the writes already started have settled.
 */
export async function writeHashed(
  handle: FileHandle,
  source: Readable | AsyncIterable<Uint8Array>,
  inspect: (chunk: Uint8Array) => void,
  signal?: AbortSignal,
): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  let syncing = undefined as Promise<void> | undefined;
  let syncBusy = false;
  let batch: Uint8Array[] = [];
  let batched = 0;
  let sinceSync = 0;
  let busy = false;
  const flush = async () => {
    const chunks = batch;
    batch = [];
    sinceSync += batched;
    batched = 0;
    await writing;
    busy = true;
    writing = writeAll(handle, chunks).finally(() => {
      busy = false;
    });
    // Keep the rejection for the next await; never an unhandled one.
    writing.catch(() => {});
    if (sinceSync >= SYNC_EVERY_BYTES && !syncBusy) {
      sinceSync = 0;
      syncBusy = true;
      syncing = writing
        .then(() => handle.datasync())
        .finally(() => {
          syncBusy = false;
        });
      syncing.catch(() => {});
    }
  };
  try {
    signal?.throwIfAborted();
    for await (const chunk of source as AsyncIterable<Uint8Array>) {
      signal?.throwIfAborted();
      inspect(chunk);
      batch.push(chunk);
      batched += chunk.length;
      // Nothing waits in memory while the disk is idle (a slow upload is written as it comes).
      if (batched >= WRITE_BYTES || !busy) await flush();
    }
    if (batched > 0) await flush();
    await writing;
    await syncing;
  } catch (error) {
    await writing.catch(() => {});
    await syncing?.catch(() => {});
    throw error;
  }
}
