import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from "@aws-sdk/client-s3";
import { AppError } from "@/lib/errors";
import { instanceId } from "./leases";
import { isMissing, rangeHeader, S3NamedFiles, uploadStream } from "./s3-files";
import {
  assertSha256,
  type BlobStore,
  type ByteRange,
  type FileFolder,
  type NamedFiles,
  type PutOptions,
  type StagedBlob,
  type StoredBlob,
  putByStaging,
} from "./store";

// Temp uploads of processes that died are only told apart by age here (a bucket has no leases):
// no upload runs longer than this.
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Evidence bytes in an S3-compatible bucket, under the same names as on disk:
 * `evidence/ab/cd/<sha256>`. An upload streams to `tmp/<instance>-<uuid>.part` (a multipart
 * upload, hashed on the way); only once its hash is known is it copied server-side to its
 * address, so an object under an address always holds the bytes that hash to it. A failed or
 * aborted upload leaves nothing: lib-storage aborts the multipart upload, and a temp object that
 * was completed is deleted.
 */
export class S3BlobStore implements BlobStore {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
    /** A local folder for files built before they are published (export packs). */
    readonly localTmp: string,
  ) {}

  keyOf(sha256: string): string {
    assertSha256(sha256);
    return `evidence/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async stage(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<StagedBlob> {
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const temp = `tmp/${instanceId()}-${randomUUID()}.part`;
    const hash = createHash("sha256");
    let size = 0;
    const signal = options.signal;
    const hashing = async function* () {
      for await (const chunk of source as AsyncIterable<Uint8Array>) {
        signal?.throwIfAborted();
        size += chunk.length;
        if (size > maxBytes)
          throw new AppError("payload_too_large", `The file is larger than the limit of ${maxBytes} bytes`);
        hash.update(chunk);
        yield chunk;
      }
    };
    await uploadStream(this.client, this.bucket, temp, Readable.from(hashing(), { objectMode: false }), signal);
    const sha256 = hash.digest("hex");
    return { sha256, size, commit: () => this.commit(temp, sha256), discard: () => this.deleteKey(temp) };
  }

  private async commit(temp: string, sha256: string): Promise<boolean> {
    if (await this.exists(sha256)) return false;
    // Server-side: the bytes do not travel through this process again.
    await this.client.send(
      new CopyObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256), CopySource: `${this.bucket}/${temp}` }),
    );
    return true;
  }

  put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<StoredBlob> {
    return putByStaging(this, source, options);
  }

  async get(sha256: string, range?: ByteRange): Promise<Readable> {
    const key = this.keyOf(sha256);
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: rangeHeader(range) }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new AppError("not_found", "The stored bytes of this evidence are missing");
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async remove(sha256: string): Promise<void> {
    await this.deleteKey(this.keyOf(sha256));
  }

  private async deleteKey(key: string): Promise<void> {
    // S3 answers a delete of a missing key with success: removing twice is safe.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  files(folder: FileFolder): NamedFiles {
    return new S3NamedFiles(this.client, this.bucket, folder, this.localTmp);
  }

  /**
   * Temp objects and unfinished multipart uploads older than any upload takes. A bucket lifecycle
   * rule can do the same; this keeps a bucket without one tidy too.
   */
  async cleanupTemp(): Promise<number> {
    const before = Date.now() - ABANDONED_AFTER_MS;
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: "tmp/", ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key || (object.LastModified?.getTime() ?? 0) >= before) continue;
        await this.deleteKey(object.Key);
        removed++;
      }
      token = page.NextContinuationToken;
    } while (token);
    const uploads = await this.client
      .send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: "tmp/" }))
      .catch(() => null);
    for (const upload of uploads?.Uploads ?? []) {
      if (!upload.Key || !upload.UploadId || (upload.Initiated?.getTime() ?? 0) >= before) continue;
      await this.client.send(
        new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: upload.Key, UploadId: upload.UploadId }),
      );
      removed++;
    }
    return removed;
  }
}
