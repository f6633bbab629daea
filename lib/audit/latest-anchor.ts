import fs from "node:fs";
import type { SigningKey } from "@/lib/exports/signing";
import { type AuditAnchor, anchorFilePath, anchorSignatureValid, parseAnchorLine } from "./anchor";

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

/**
 * The newest anchor this instance's key signed. Lines that do not parse or verify are passed
 * over, so a forged line appended to the file can neither stop anchoring nor stand in for the
 * real head; `audit verify` reports them.
 */
export function readLatestAnchor({ key, dataDir }: { key: SigningKey; dataDir?: string }): AuditAnchor | null {
  for (const line of linesFromEnd(anchorFilePath(dataDir))) {
    const anchor = parseAnchorLine(line);
    if (anchor && anchor.keyFingerprint === key.fingerprint && anchorSignatureValid(anchor, key.publicKey))
      return anchor;
  }
  return null;
}
