import { randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { AppError } from "@/lib/errors";
import { removeStaging } from "./local-files";
import { assertFileName, type ByteRange, type FileFolder, type NamedFiles } from "./store";

// 16 MiB parts, four in flight: 64 MiB of memory per upload at most, and a 2 GiB file in 128
// parts (S3 allows 10,000).
const PART_SIZE = 16 * 1024 * 1024;
const PARTS_IN_FLIGHT = 4;

/** An S3 error that means "no such object" (GET answers NoSuchKey, HEAD a bare 404). */
export function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

/** The HTTP Range header of an inclusive range. */
export const rangeHeader = (range?: ByteRange) => (range ? `bytes=${range.start}-${range.end}` : undefined);

/**
 * Streams `body` to `key` as a multipart upload (one PUT when it is small). On any failure the
 * multipart upload is aborted, and an object the upload had completed is deleted: a failed
 * upload leaves nothing under the key.
 */
export async function uploadStream(
  client: S3Client,
  bucket: string,
  key: string,
  body: Readable,
  signal?: AbortSignal,
): Promise<void> {
  const upload = new Upload({
    client,
    params: { Bucket: bucket, Key: key, Body: body },
    partSize: PART_SIZE,
    queueSize: PARTS_IN_FLIGHT,
    leavePartsOnError: false,
  });
  const onAbort = () => {
    body.destroy(signal?.reason instanceof Error ? signal.reason : new Error("The upload was aborted"));
    void upload.abort().catch(() => {});
  };
  signal?.addEventListener("abort", onAbort);
  try {
    signal?.throwIfAborted();
    await upload.done();
    signal?.throwIfAborted();
  } catch (error) {
    body.destroy();
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => {});
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * Named files as objects `<folder>/<name>`. They are built in a local temp folder and uploaded
 * whole when published; the local copy goes once the object is complete.
 */
export class S3NamedFiles implements NamedFiles {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
    readonly folder: FileFolder,
    readonly localTmp: string,
  ) {}

  private keyOf(name: string): string {
    assertFileName(name);
    return `${this.folder}/${name}`;
  }

  async stagingPath(name: string): Promise<string> {
    assertFileName(name);
    await fsp.mkdir(this.localTmp, { recursive: true });
    return path.join(this.localTmp, `${this.folder}-${name}.${randomUUID().slice(0, 8)}.part`);
  }

  async removePartials(name: string): Promise<void> {
    assertFileName(name);
    await removeStaging(this.localTmp, `${this.folder}-${name}`);
  }

  async publish(name: string, file: string): Promise<void> {
    await uploadStream(
      this.client,
      this.bucket,
      this.keyOf(name),
      fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    );
    await fsp.rm(file, { force: true });
  }

  async get(name: string, range?: ByteRange): Promise<Readable> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.keyOf(name),
          Range: rangeHeader(range),
        }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new AppError("not_found", "The file is no longer in storage");
      throw error;
    }
  }

  async size(name: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(name) }));
      return head.ContentLength ?? null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async remove(name: string): Promise<void> {
    await Promise.all([
      this.removePartials(name),
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(name) })),
    ]);
  }

  async write(name: string, bytes: Buffer): Promise<void> {
    // One PUT: S3 makes an object visible whole or not at all.
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(name), Body: bytes }));
  }

  async list(): Promise<string[]> {
    const names: string[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.folder}/`, ContinuationToken }),
      );
      for (const object of page.Contents ?? []) {
        const name = object.Key?.slice(this.folder.length + 1);
        if (name && !name.includes("/")) names.push(name);
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return names.sort();
  }
}
