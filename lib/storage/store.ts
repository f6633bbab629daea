import type { Readable } from "node:stream";

/** Inclusive byte offsets, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface PutOptions {
  /** Refuse (payload_too_large) as soon as more than this many bytes arrive. */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Bytes written and hashed but not yet visible under their address. Callers that must tie the
 * bytes to a database row commit inside the row's transaction, so the row never exists without
 * durable bytes, and always discard afterwards.
 */
export interface StagedBlob extends StoredBlob {
  /** Makes the bytes durable under their address, never replacing bytes already there. True when this call created them. */
  commit(): Promise<boolean>;
  /** Drops the staging copy; safe after commit and safe to call twice. */
  discard(): Promise<void>;
}

/**
 * Files the app writes once under a name it chooses (export packs). They are built in a local
 * file first (a pack is written sequentially and hashed on the way) and then published whole.
 */
export interface NamedFiles {
  /** A fresh local path to build the file at, one per attempt; publish moves it away, a failed build removes it. */
  stagingPath(name: string): Promise<string>;
  /** Removes the staging files of every attempt at `name` (those of a process that died included). */
  removePartials(name: string): Promise<void>;
  /** Makes the finished local file durable under `name` and removes the local copy. */
  publish(name: string, file: string): Promise<void>;
  /** A stream of the bytes (or of one range of them); not_found when there is no such file. */
  get(name: string, range?: ByteRange): Promise<Readable>;
  /** Bytes in the file, or null when there is none. */
  size(name: string): Promise<number | null>;
  /** Removes the file and any staging files; nothing when none exists. */
  remove(name: string): Promise<void>;
  /** Writes a small file whole under `name` (replacing one there): readers see the old bytes or the new, never part. */
  write(name: string, bytes: Buffer): Promise<void>;
  /** The names of the published files in the folder, sorted by code unit; staging files are not listed. */
  list(): Promise<string[]>;
}

/**
 * Content-addressed storage: bytes are named by their SHA-256, so identical bytes are stored
 * once and stored bytes never change. The local folder (local.ts) and an S3-compatible bucket
 * (s3.ts) implement it; callers never know which.
 */
export interface BlobStore {
  stage(source: Readable | AsyncIterable<Uint8Array>, options?: PutOptions): Promise<StagedBlob>;
  put(source: Readable | AsyncIterable<Uint8Array>, options?: PutOptions): Promise<StoredBlob>;
  /** A stream of the bytes (or of one range of them); not_found when they are missing. */
  get(sha256: string, range?: ByteRange): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
  /** The named files of one folder beside the blobs. */
  files(folder: FileFolder): NamedFiles;
  /** Removes temp uploads that no running upload owns; answers how many. */
  cleanupTemp(): Promise<number>;
}

/** The folders of named files: fixed here, so a name from a request can never pick another. */
export type FileFolder = "exports" | "anchors";

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/** A named file's name is a single path segment of safe characters; nothing else gets near a path or key. */
export function assertFileName(value: string): void {
  if (!FILE_NAME.test(value) || value.includes("..")) throw new Error("not a stored file name");
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Addresses become paths: anything but 64 lowercase hex digits is refused before it gets near the file system. */
export function assertSha256(value: string): void {
  if (!SHA256_HEX.test(value)) throw new Error("not a SHA-256 address");
}

/** Stores the bytes in one go: staged (hashed on the way), committed, the staging left behind removed. */
export async function putByStaging(
  store: Pick<BlobStore, "stage">,
  source: Readable | AsyncIterable<Uint8Array>,
  options: PutOptions = {},
): Promise<StoredBlob> {
  const staged = await store.stage(source, options);
  try {
    await staged.commit();
    return { sha256: staged.sha256, size: staged.size };
  } finally {
    await staged.discard();
  }
}
