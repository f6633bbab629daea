import fs from "node:fs";
import fsp from "node:fs/promises";
import { pipeline, Readable } from "node:stream";
import zlib from "node:zlib";

/*
 * A small reader for the ZIP central directory, written separately from the library that writes
 * packs so that checking a pack does not trust the code that made it. It reads stored and
 * deflated entries and ZIP64, which covers what Casework and the common zip tools produce.
 */

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

async function readAt(handle: fsp.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError("the file ends early");
  return buffer;
}

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 when flagged, and also when the bytes are valid UTF-8 (Info-ZIP's zip writes such names unflagged); else Latin-1. */
function entryName(raw: Buffer, flags: number): string {
  if (flags & 0x800) return raw.toString("utf8");
  try {
    return strictUtf8.decode(raw);
  } catch {
    return raw.toString("latin1");
  }
}

/** ZIP64 extra field: the 64-bit values, in order, of whichever fields were 0xFFFFFFFF. */
function zip64Values(extra: Buffer, entry: ZipEntryInfo): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        const value = u64(extra, p);
        p += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

export async function readZipDirectory(file: string): Promise<ZipEntryInfo[]> {
  const handle = await fsp.open(file, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 0xffff + 22);
    const tail = await readAt(handle, size - tailLength, tailLength);
    // The record sits at the end, before a comment of up to 64 KiB: search backwards.
    let eocd = tail.length - 22;
    while (eocd >= 0 && tail.readUInt32LE(eocd) !== EOCD) eocd--;
    if (eocd < 0) throw new ZipFormatError("no end-of-directory record: not a ZIP file, or cut short");
    let count = tail.readUInt16LE(eocd + 10);
    let dirSize = tail.readUInt32LE(eocd + 12);
    let dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirSize === MAX32 || dirOffset === MAX32) {
      const locatorAt = size - tailLength + eocd - 20;
      const locator = await readAt(handle, locatorAt, 20);
      if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipFormatError("ZIP64 locator missing");
      const record = await readAt(handle, u64(locator, 8), 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError("ZIP64 end-of-directory record missing");
      count = u64(record, 32);
      dirSize = u64(record, 40);
      dirOffset = u64(record, 48);
    }
    if (dirOffset + dirSize > size) throw new ZipFormatError("the directory points past the end of the file");
    const dir = await readAt(handle, dirOffset, dirSize);
    const entries: ZipEntryInfo[] = [];
    for (let at = 0, n = 0; n < count; n++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError(`directory entry ${n + 1} is damaged`);
      const flags = dir.readUInt16LE(at + 8);
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const rawName = dir.subarray(at + 46, at + 46 + nameLength);
      const entry: ZipEntryInfo = {
        name: entryName(rawName, flags),
        method: dir.readUInt16LE(at + 10),
        flags,
        crc32: dir.readUInt32LE(at + 16),
        compressedSize: dir.readUInt32LE(at + 20),
        size: dir.readUInt32LE(at + 24),
        localHeaderOffset: dir.readUInt32LE(at + 42),
      };
      zip64Values(dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
      entries.push(entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The entry's bytes, decompressed, as a stream (never read whole into memory). */
export async function openZipEntry(file: string, entry: ZipEntryInfo): Promise<Readable> {
  const handle = await fsp.open(file, "r");
  let local: Buffer;
  try {
    local = await readAt(handle, entry.localHeaderOffset, 30);
  } finally {
    await handle.close();
  }
  if (local.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`${entry.name}: local header missing`);
  if (entry.flags & 0x1) throw new ZipFormatError(`${entry.name}: encrypted entries are not supported`);
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const raw = entry.compressedSize === 0 ? Readable.from([]) : fs.createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  if (entry.method === 0) return raw;
  // The callback only keeps the error from going unhandled; the reader sees it on the returned stream.
  if (entry.method === 8) return pipeline(raw, zlib.createInflateRaw(), () => {});
  raw.destroy();
  throw new ZipFormatError(`${entry.name}: compression method ${entry.method} is not supported`);
}
