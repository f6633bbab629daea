import { asc, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditEvents } from "@/db/schema";
import { type ChainBreak, checkLink, GENESIS_HASH } from "./chain";

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastSeq: number;
  firstBreak: ChainBreak | null;
}

/** Walks the whole log in order, in batches, and reports the first broken link. */
export async function verifyAuditChain({ db, batchSize = 5000 }: { db: DbOrTx; batchSize?: number }): Promise<AuditVerification> {
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
