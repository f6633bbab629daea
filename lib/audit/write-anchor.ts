import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { instanceSigningKey } from "@/lib/exports/signing";
import { type AuditAnchor, anchorFilePath, compareWithAnchor, signAnchor } from "./anchor";
import { readAuditHead } from "./head";
import { readLatestAnchor } from "./latest-anchor";

// Serialises anchor writers (the server, the CLI, other instances sharing the data folder) so
// each reads the head after the previous one appended, and anchors never go backwards. Not the
// audit append lock: writing an anchor must not hold up the events themselves.
const ANCHOR_LOCK_KEY = 4_242_002;

export type AnchorWrite =
  | { written: true; file: string; anchor: AuditAnchor }
  | { written: false; file: string; reason: "empty" | "unchanged"; latest: AuditAnchor | null };

/** Appends one line with O_APPEND and syncs it: the file is only ever added to, never rewritten. */
function appendLine(file: string, anchor: AuditAnchor): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // a+: O_APPEND (every write lands at the end, whatever the offset) and reading for the check below.
  const fd = fs.openSync(file, "a+");
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

/**
 * Anchors the audit log's head: signs its seq and hash with the instance key and appends them to
 * DATA_DIR/audit-anchors.jsonl. Without `always`, nothing is written while the head is where the
 * last anchor left it. Before anchoring, the last anchor must still match the table: otherwise the
 * new anchor would vouch for a tail that was deleted or rewritten since, so it refuses instead.
 */
export async function writeAuditAnchor({
  db,
  dataDir = env.DATA_DIR,
  always = false,
}: {
  db: DbOrTx;
  dataDir?: string;
  always?: boolean;
}): Promise<AnchorWrite> {
  const key = instanceSigningKey(dataDir);
  const file = anchorFilePath(dataDir);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ANCHOR_LOCK_KEY})`);
    const latest = readLatestAnchor({ key, dataDir });
    const head = await readAuditHead({ db: tx });
    if (!head) return { written: false, file, reason: "empty", latest };
    if (latest) {
      if (!always && latest.seq === head.seq && latest.hash === head.hash)
        return { written: false, file, reason: "unchanged", latest };
      const [row] = await tx
        .select({ hash: auditEvents.hash })
        .from(auditEvents)
        .where(eq(auditEvents.seq, latest.seq));
      const problem = compareWithAnchor(latest, row);
      if (problem)
        throw new AppError(
          "conflict",
          `${problem.message}. No new anchor was written; run \`npm run cli -- audit verify\`.`,
        );
    }
    const anchor = signAnchor(head, key);
    appendLine(file, anchor);
    return { written: true, file, anchor };
  });
}
