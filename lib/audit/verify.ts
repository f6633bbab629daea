import { asc, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditEvents } from "@/db/schema";
import { type ChainBreak, checkLink, GENESIS_HASH } from "./chain";
import { type AnchorCheck, checkAuditAnchors } from "./check-anchors";

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastSeq: number;
  firstBreak: ChainBreak | null;
  /** The chain alone cannot tell a log whose newest events were deleted or rewritten: the anchors can. */
  anchors: AnchorCheck;
}

/** Walks the whole log in order, in batches, and reports the first broken link. */
async function walkChain(db: DbOrTx, batchSize: number): Promise<Omit<AuditVerification, "anchors">> {
  let cursor = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, cursor.seq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      const problem = checkLink(cursor, row);
      if (problem) return { ok: false, checked, lastSeq: cursor.seq, firstBreak: problem };
      cursor = { seq: row.seq, hash: row.hash };
      checked++;
    }
    if (rows.length < batchSize) return { ok: true, checked, lastSeq: cursor.seq, firstBreak: null };
  }
}

/** The hash chain from the first event, then the table against the anchors in the data folder. */
export async function verifyAuditChain({
  db,
  batchSize = 5000,
  dataDir,
}: {
  db: DbOrTx;
  batchSize?: number;
  dataDir?: string;
}): Promise<AuditVerification> {
  const chain = await walkChain(db, batchSize);
  const anchors = await checkAuditAnchors({ db, dataDir });
  return { ...chain, ok: chain.ok && anchors.problems.length === 0, anchors };
}
