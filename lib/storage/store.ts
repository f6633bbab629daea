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
 * Content-addressed storage: bytes are named by their SHA-256, so identical bytes are stored
 * once and stored bytes never change. The local folder implements it today; an S3-compatible
 * store can implement the same interface without touching callers.
 */
export interface BlobStore {
  stage(source: Readable | AsyncIterable<Uint8Array>, options?: PutOptions): Promise<StagedBlob>;
  put(source: Readable | AsyncIterable<Uint8Array>, options?: PutOptions): Promise<StoredBlob>;
  /** A stream of the bytes (or of one range of them); not_found when they are missing. */
  get(sha256: string, range?: ByteRange): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Addresses become paths: anything but 64 lowercase hex digits is refused before it gets near the file system. */
export function assertSha256(value: string): void {
  if (!SHA256_HEX.test(value)) throw new Error("not a SHA-256 address");
}
