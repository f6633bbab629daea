/*
 * The ZIP records a pack needs (APPNOTE 6.3): local headers, data descriptors, central
 * directory entries with ZIP64 fields where a size or offset passes 4 GiB, and the end records.
 * Names are UTF-8 (flag bit 11); every entry carries an extended timestamp in UTC.
 */

export const MAX32 = 0xffffffff;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
// Made by Unix, spec 6.3, so extractors apply the file mode in the external attributes.
const MADE_BY = (3 << 8) | 63;
const FILE_MODE = 0o100644;

export interface EntryRecord {
  name: Buffer;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  mtime: Date;
  /** Sizes come after the data, in a data descriptor. */
  descriptor: boolean;
  zip64: boolean;
}

function dos(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function timestampField(mtime: Date): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(0x5455, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(Math.floor(mtime.getTime() / 1000) >>> 0, 5);
  return b;
}

function zip64Field(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

export function localHeader(e: Omit<EntryRecord, "offset">): Buffer {
  const { time, date } = dos(e.mtime);
  // With a descriptor the CRC and sizes here are zero; a ZIP64 entry says so with its extra field.
  const sizes = e.descriptor ? [0, 0] : [e.compressedSize, e.size];
  const extra = Buffer.concat([...(e.zip64 ? [zip64Field([sizes[1]!, sizes[0]!])] : []), timestampField(e.mtime)]);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(e.zip64 ? 45 : 20, 4);
  h.writeUInt16LE(FLAG_UTF8 | (e.descriptor ? FLAG_DESCRIPTOR : 0), 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(time, 10);
  h.writeUInt16LE(date, 12);
  h.writeUInt32LE(e.descriptor ? 0 : e.crc, 14);
  h.writeUInt32LE(e.zip64 ? MAX32 : sizes[0]!, 18);
  h.writeUInt32LE(e.zip64 ? MAX32 : sizes[1]!, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, e.name, extra]);
}

export function dataDescriptor(e: EntryRecord): Buffer {
  const b = Buffer.alloc(e.zip64 ? 24 : 16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(e.crc, 4);
  if (e.zip64) {
    b.writeBigUInt64LE(BigInt(e.compressedSize), 8);
    b.writeBigUInt64LE(BigInt(e.size), 16);
  } else {
    b.writeUInt32LE(e.compressedSize, 8);
    b.writeUInt32LE(e.size, 12);
  }
  return b;
}

export function centralEntry(e: EntryRecord): Buffer {
  const { time, date } = dos(e.mtime);
  const big = e.zip64 || e.offset >= MAX32 || e.size >= MAX32 || e.compressedSize >= MAX32;
  const extra = Buffer.concat([
    ...(big ? [zip64Field([e.size, e.compressedSize, e.offset])] : []),
    timestampField(e.mtime),
  ]);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(MADE_BY, 4);
  h.writeUInt16LE(big ? 45 : 20, 6);
  h.writeUInt16LE(FLAG_UTF8 | (e.descriptor ? FLAG_DESCRIPTOR : 0), 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(time, 12);
  h.writeUInt16LE(date, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(big ? MAX32 : e.compressedSize, 20);
  h.writeUInt32LE(big ? MAX32 : e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
  h.writeUInt32LE(big ? MAX32 : e.offset, 42);
  return Buffer.concat([h, e.name, extra]);
}

/** The end records; the ZIP64 ones are added when the count, size or offset needs them (or when forced). */
export function endRecords(count: number, dirOffset: number, dirSize: number, force = false): Buffer {
  const parts: Buffer[] = [];
  const big = force || count >= 0xffff || dirOffset >= MAX32 || dirSize >= MAX32;
  if (big) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(MADE_BY, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(dirSize), 40);
    record.writeBigUInt64LE(BigInt(dirOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(dirOffset + dirSize), 8);
    locator.writeUInt32LE(1, 16);
    parts.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(big ? 0xffff : count, 8);
  end.writeUInt16LE(big ? 0xffff : count, 10);
  end.writeUInt32LE(big ? MAX32 : dirSize, 12);
  end.writeUInt32LE(big ? MAX32 : dirOffset, 16);
  parts.push(end);
  return Buffer.concat(parts);
}
