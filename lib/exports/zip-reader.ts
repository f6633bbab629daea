import { promisify } from "node:util";
import type { Readable } from "node:stream";
import yauzl from "yauzl";

/*
 * Reading packs goes through yauzl, a kept ZIP reader independent of the code that writes them,
 * so checking a pack does not trust the writer. Stored, deflated and ZIP64 entries are read;
 * yauzl's size check is off because verify-pack measures size and CRC-32 itself and names the
 * damaged file, where an exception would only say the ZIP cannot be read. Names are decoded
 * here: Info-ZIP's zip writes UTF-8 names without the UTF-8 flag, which yauzl would read as CP437.
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

const options: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false };
const open = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

function notZip(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return /end of central directory record signature not found/i.test(message)
    ? new Error(`no end-of-directory record: not a ZIP file, or cut short (${message})`)
    : new Error(message);
}

/** Walks the central directory; `visit` answers true to stop early. */
async function walk(zip: yauzl.ZipFile, visit: (entry: yauzl.Entry) => boolean): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => (visit(entry) ? resolve() : zip.readEntry()));
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 when flagged, and also when the bytes are valid UTF-8; else Latin-1. */
function entryName(e: yauzl.Entry): string {
  // With decodeStrings off, yauzl hands over the raw bytes of the name.
  const raw = e.fileName as unknown as Buffer;
  if (e.generalPurposeBitFlag & 0x800) return raw.toString("utf8");
  try {
    return strictUtf8.decode(raw);
  } catch {
    return raw.toString("latin1");
  }
}

const info = (e: yauzl.Entry): ZipEntryInfo => ({
  name: entryName(e),
  method: e.compressionMethod,
  flags: e.generalPurposeBitFlag,
  crc32: e.crc32,
  compressedSize: e.compressedSize,
  size: e.uncompressedSize,
  localHeaderOffset: e.relativeOffsetOfLocalHeader,
});

export async function readZipDirectory(file: string): Promise<ZipEntryInfo[]> {
  const zip = await open(file, options).catch((error: unknown) => Promise.reject(notZip(error)));
  try {
    const entries: ZipEntryInfo[] = [];
    await walk(zip, (e) => (entries.push(info(e)), false));
    return entries;
  } finally {
    zip.close();
  }
}

/** The entry's bytes, decompressed, as a stream (never read whole into memory). */
export async function openZipEntry(file: string, entry: ZipEntryInfo): Promise<Readable> {
  const zip = await open(file, options).catch((error: unknown) => Promise.reject(notZip(error)));
  try {
    let found: yauzl.Entry | undefined;
    await walk(zip, (e) => e.relativeOffsetOfLocalHeader === entry.localHeaderOffset && Boolean((found = e)));
    if (!found) throw new Error(`${entry.name}: not in the ZIP's directory`);
    if (found.generalPurposeBitFlag & 0x1) throw new Error(`${entry.name}: encrypted entries are not supported`);
    if (found.compressionMethod !== 0 && found.compressionMethod !== 8)
      throw new Error(`${entry.name}: compression method ${found.compressionMethod} is not supported`);
    const stream = await promisify<yauzl.Entry, Readable>(zip.openReadStream.bind(zip))(found);
    // The file stays open until the reader is done with this stream.
    stream.once("close", () => zip.close());
    return stream;
  } catch (error) {
    zip.close();
    throw error;
  }
}
