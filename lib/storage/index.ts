import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { LocalBlobStore } from "./local";
import { S3BlobStore } from "./s3";
import type { BlobStore } from "./store";

export type { BlobStore, ByteRange, FileFolder, NamedFiles, PutOptions, StagedBlob, StoredBlob } from "./store";
export { LocalBlobStore } from "./local";
export { S3BlobStore } from "./s3";

/** A client for the configured bucket (STORAGE=s3); path-style addressing for any server but AWS itself. */
export function s3Client(
  config: Pick<
    typeof env,
    "S3_ENDPOINT" | "S3_REGION" | "AWS_ACCESS_KEY_ID" | "AWS_SECRET_ACCESS_KEY" | "AWS_SESSION_TOKEN"
  > = env,
): S3Client {
  return new S3Client({
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: Boolean(config.S3_ENDPOINT),
    credentials:
      config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
        ? {
            accessKeyId: config.AWS_ACCESS_KEY_ID,
            secretAccessKey: config.AWS_SECRET_ACCESS_KEY,
            sessionToken: config.AWS_SESSION_TOKEN,
          }
        : undefined,
    // Checksums only where S3 demands them: S3-compatible servers do not all know the SDK's
    // newer trailing checksums, and every stored object is checked by its SHA-256 anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

let store: BlobStore | undefined;

/** The store evidence bytes and export packs live in: the data folder, or the bucket when STORAGE=s3. */
export function evidenceStore(): BlobStore {
  store ??=
    env.STORAGE === "s3"
      ? new S3BlobStore(s3Client(), env.S3_BUCKET!, path.join(env.DATA_DIR, "tmp", "build"))
      : new LocalBlobStore({ root: env.DATA_DIR });
  return store;
}

let sweeping: NodeJS.Timeout | undefined;

/**
 * Start-up housekeeping: temp files of uploads a killed process never finished. It runs again
 * every few heartbeats, because a process that died on another machine (or in a container that
 * restarted at once) is only known dead once its lease has gone stale.
 */
export async function cleanupAbandonedUploads(): Promise<number> {
  const store = evidenceStore();
  // A bucket has no leases: its temp objects go by age, so an hourly look is enough.
  const every = store instanceof LocalBlobStore ? store.lease.staleAfterMs : 60 * 60 * 1000;
  sweeping ??= setInterval(() => {
    store.cleanupTemp().catch((err: unknown) => logger.warn({ err }, "could not clean abandoned upload temp files"));
  }, every).unref();
  return store.cleanupTemp();
}
