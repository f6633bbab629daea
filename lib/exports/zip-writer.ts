import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { type PassThrough, type Readable, Transform } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";

export interface PackEntry {
  path: string;
  size: number;
  sha256: string;
}

interface WriterOptions {
  /** Every entry gets this modification time, so the listing shows the export time, not the hour of extraction. */
  mtime: Date;
  /** Called with the bytes of the .zip written so far. */
  onProgress?: (bytes: number) => void;
}

/** A pass-through that hashes and counts what flows through it. */
function hashingTap(onChunk?: (n: number) => void) {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      onChunk?.(size);
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest("hex") }) };
}

/**
 * Writes the pack once, straight to its file, hashing the ZIP's bytes on the way to disk and each
 * entry's bytes on the way in. Entries are added one at a time: an evidence file is streamed
 * from storage (stored, not compressed: the bytes in the ZIP are the stored bytes) and never held
 * in memory whole; the small generated files are deflated.
 */
export class PackWriter {
  readonly entries: PackEntry[] = [];
  private readonly zip = new ZipFile();
  private readonly output: ReturnType<typeof hashingTap>;
  private readonly done: Promise<void>;

  constructor(
    readonly file: string,
    private readonly options: WriterOptions,
  ) {
    this.output = hashingTap(options.onProgress);
    // flush: the file is fsynced before it is closed, so a finished pack is durable.
    const sink = fs.createWriteStream(file, { flags: "wx", mode: 0o600, flush: true, highWaterMark: 1 << 20 });
    this.done = pipeline(this.zip.outputStream, this.output.stream, sink);
    // yazl reports a wrong entry size as an event; it fails the whole pack.
    this.zip.on("error", (error: Error) => (this.zip.outputStream as PassThrough).destroy(error));
    // Unhandled until finish() awaits it; abort() may come first.
    this.done.catch(() => {});
  }

  async addStream(path: string, source: Readable, size: number): Promise<PackEntry> {
    const tap = hashingTap();
    this.zip.addReadStream(tap.stream, path, { compress: false, mtime: this.options.mtime, size });
    await Promise.all([pipeline(source, tap.stream), finished(tap.stream, { writable: false })]);
    const entry = { path, ...tap.result() };
    this.entries.push(entry);
    return entry;
  }

  addBuffer(path: string, bytes: Buffer): PackEntry {
    this.zip.addBuffer(bytes, path, { compress: bytes.length > 1024, mtime: this.options.mtime });
    const entry = { path, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
    this.entries.push(entry);
    return entry;
  }

  /** Writes the central directory, waits for the file to be on disk, and gives the pack's size and SHA-256. */
  async finish(): Promise<{ size: number; sha256: string }> {
    this.zip.end();
    await this.done;
    return this.output.result();
  }

  /** Stops writing and removes the partial file. */
  async abort(): Promise<void> {
    (this.zip.outputStream as PassThrough).destroy(new Error("pack aborted"));
    await this.done.catch(() => {});
    await fsp.rm(this.file, { force: true });
  }
}
