import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import type { AuditAnchor } from "./anchor";
import type { AnchorEntry, AnchorLog } from "./anchor-log";

const CHUNK = 16 * 1024;
// Anchor lines are about 250 bytes; a longer run without a newline is not an anchor worth reading.
const MAX_LINE = 64 * 1024;

/** The file's lines, last first, read backwards in chunks so a years-long file costs one read. */
function* linesFromEnd(file: string): Generator<string> {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    let position = fs.fstatSync(fd).size;
    let rest = Buffer.alloc(0);
    while (position > 0) {
      const size = Math.min(CHUNK, position);
      position -= size;
      const chunk = Buffer.alloc(size);
      fs.readSync(fd, chunk, 0, size, position);
      rest = Buffer.concat([chunk, rest]);
      // Everything after the last newline in `rest` is a whole line: what follows it was read already.
      for (let nl = rest.lastIndexOf(0x0a); nl !== -1; nl = rest.lastIndexOf(0x0a)) {
        const line = rest.subarray(nl + 1);
        rest = rest.subarray(0, nl);
        if (line.length > 0) yield line.toString("utf8");
      }
      if (rest.length > MAX_LINE) return;
    }
    if (rest.length > 0) yield rest.toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}

/** Anchors as the lines of one JSON-lines file in the data folder (the folder store's way). */
export class FileAnchorLog implements AnchorLog {
  constructor(readonly where: string) {}

  async *entries(): AsyncIterable<AnchorEntry> {
    if (!fs.existsSync(this.where)) return;
    let n = 0;
    const input = fs.createReadStream(this.where, { encoding: "utf8" });
    for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
      n++;
      if (text.trim() !== "") yield { label: `anchor line ${n}`, text };
    }
  }

  async *newestFirst(): AsyncIterable<string> {
    yield* linesFromEnd(this.where);
  }

  /** Appends one line with O_APPEND and syncs it: the file is only ever added to, never rewritten. */
  async append(anchor: AuditAnchor): Promise<void> {
    fs.mkdirSync(path.dirname(this.where), { recursive: true });
    // a+: O_APPEND (every write lands at the end, whatever the offset) and reading for the check below.
    const fd = fs.openSync(this.where, "a+");
    try {
      const size = fs.fstatSync(fd).size;
      const last = Buffer.alloc(1);
      // A line cut short by a crash stays a line of its own instead of swallowing this one.
      const torn = size > 0 && fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
      fs.writeSync(fd, `${torn ? "\n" : ""}${JSON.stringify(anchor)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}
