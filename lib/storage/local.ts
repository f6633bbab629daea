import { createHash, randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { TempLease } from "./leases";
import { writeHashed } from "./write-hashed";
import { LocalNamedFiles } from "./local-files";
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

const isErrno = (error: unknown, code: string) => (error as NodeJS.ErrnoException | null)?.code === code;

/** A rename or link is only durable once the directory holding the new entry is synced too. */
async function fsyncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function unlinkQuietly(file: string): Promise<void> {
  await fsp.unlink(file).catch((error: unknown) => {
    if (!isErrno(error, "ENOENT")) throw error;
  });
}

// `<instance id>-<uuid>.part`: the name says which process's upload it is.
const TEMP_NAME = /^([0-9a-f]{16})-[0-9a-f-]{36}\.part$/;
// Temp files named before names carried their process: nobody can say whose they are, so they
// go only once older than any upload takes.
const UNOWNED_TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Evidence bytes in a local folder: `<root>/evidence/ab/cd/<sha256>`, staged in `<root>/tmp`.
 * Each upload streams to its own temp file while it is hashed, is fsynced, then hard-linked
 * into place: a link fails when the name exists, so stored bytes are never overwritten, and a
 * crash leaves at most a temp file, removed by the next clean-up once its process is known dead
 * (see TempLease: several processes may share the folder, so age alone says nothing).
 */
export class LocalBlobStore implements BlobStore {
  readonly root: string;
  readonly blobDir: string;
  readonly tmpDir: string;
  readonly lease: TempLease;

  constructor({ root, instanceId, heartbeatMs }: { root: string; instanceId?: string; heartbeatMs?: number }) {
    this.root = root;
    this.blobDir = path.join(root, "evidence");
    this.tmpDir = path.join(root, "tmp");
    this.lease = new TempLease(path.join(this.tmpDir, "leases"), { id: instanceId, heartbeatMs });
  }

  pathOf(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.blobDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<StagedBlob> {
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    await fsp.mkdir(this.tmpDir, { recursive: true });
    // The lease is on disk before the temp file exists, so no clean-up can judge the file ownerless.
    await this.lease.hold();
    const temp = path.join(this.tmpDir, `${this.lease.id}-${randomUUID()}.part`);
    const hash = createHash("sha256");
    let size = 0;
    const handle = await fsp.open(temp, "wx", 0o600);
    try {
      await writeHashed(
        handle,
        source,
        (chunk) => {
          size += chunk.length;
          if (size > maxBytes)
            throw new AppError("payload_too_large", `The file is larger than the limit of ${maxBytes} bytes`);
          hash.update(chunk);
        },
        options.signal,
      );
      // The file is durable before it is ever linked into place.
      await handle.sync();
      // Stored bytes are read-only on disk as well: nothing in the app ever needs to write them.
      await handle.chmod(0o440);
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => {});
      await unlinkQuietly(temp);
      throw error;
    }
    const sha256 = hash.digest("hex");
    return { sha256, size, commit: () => this.commit(temp, sha256), discard: () => unlinkQuietly(temp) };
  }

  private async commit(temp: string, sha256: string): Promise<boolean> {
    const final = this.pathOf(sha256);
    if (await this.exists(sha256)) return false;
    const dir = path.dirname(final);
    const created = await fsp.mkdir(dir, { recursive: true });
    try {
      await fsp.link(temp, final);
    } catch (error) {
      if (isErrno(error, "EEXIST")) return false;
      throw error;
    }
    await fsyncDir(dir);
    // New folders are entries in their parents, which must reach the disk too.
    if (created) for (const parent of [path.dirname(dir), this.blobDir, this.root]) await fsyncDir(parent);
    return true;
  }

  put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<StoredBlob> {
    return putByStaging(this, source, options);
  }

  async get(sha256: string, range?: ByteRange): Promise<Readable> {
    const handle = await fsp.open(this.pathOf(sha256), "r").catch((error: unknown) => {
      if (isErrno(error, "ENOENT")) throw new AppError("not_found", "The stored bytes of this evidence are missing");
      throw error;
    });
    return handle.createReadStream({ start: range?.start, end: range?.end, highWaterMark: 1 << 20 });
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (isErrno(error, "ENOENT")) return false;
      throw error;
    }
  }

  async remove(sha256: string): Promise<void> {
    const file = this.pathOf(sha256);
    await unlinkQuietly(file);
    await fsyncDir(path.dirname(file)).catch((error: unknown) => {
      if (!isErrno(error, "ENOENT")) throw error;
    });
  }

  files(folder: FileFolder): NamedFiles {
    return new LocalNamedFiles(path.join(this.root, folder));
  }

  /**
   * Deletes temp files that no running upload owns: those of processes that are dead (no lease,
   * a stale one, or a process on this machine that is gone), however new. This process's own
   * files are in-flight uploads and stay. The files are listed before any lease is read: a
   * process writes its lease before its first temp file, so a listed file's lease is already there.
   */
  async cleanupTemp(): Promise<number> {
    const names = await fsp.readdir(this.tmpDir).catch((error: unknown) => {
      if (isErrno(error, "ENOENT")) return [] as string[];
      throw error;
    });
    const now = await this.lease.now();
    const live = new Map<string, boolean>();
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.tmpDir, name);
      const owner = TEMP_NAME.exec(name)?.[1];
      if (owner) {
        if (!live.has(owner)) live.set(owner, await this.lease.isLive(owner, now));
        if (live.get(owner)) continue;
      } else {
        const stat = await fsp.lstat(file).catch(() => null);
        if (!stat?.isFile() || stat.mtimeMs >= Date.now() - UNOWNED_TEMP_MAX_AGE_MS) continue;
      }
      await unlinkQuietly(file);
      removed += 1;
    }
    await this.lease.removeDead(now);
    return removed;
  }
}
