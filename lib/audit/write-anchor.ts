import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { instanceSigningKey } from "@/lib/exports/signing";
import type { BlobStore } from "@/lib/storage";
import { type AuditAnchor, compareWithAnchor, signAnchor } from "./anchor";
import { anchorLog } from "./anchor-log";
import { readAuditHead } from "./head";
import { readLatestAnchor } from "./latest-anchor";

// Serialises anchor writers (the server, the CLI, other instances sharing the store) so
// each reads the head after the previous one appended, and anchors never go backwards. Not the
// audit append lock: writing an anchor must not hold up the events themselves.
const ANCHOR_LOCK_KEY = 4_242_002;

export type AnchorWrite =
  | { written: true; file: string; anchor: AuditAnchor }
  | { written: false; file: string; reason: "empty" | "unchanged"; latest: AuditAnchor | null };

/**
 * Anchors the audit log's head: signs its seq and hash with the instance key and adds them to
 * the anchors (anchor-log.ts: the data folder's file, or the shared store). Without `always`, nothing is written while the head is where the
 * last anchor left it. Before anchoring, the last anchor must still match the table: otherwise the
 * new anchor would vouch for a tail that was deleted or rewritten since, so it refuses instead.
 */
export async function writeAuditAnchor({
  db,
  dataDir = env.DATA_DIR,
  store,
  always = false,
}: {
  db: DbOrTx;
  dataDir?: string;
  /** The store whose anchors to use; by default the configured one (anchor-log.ts). */
  store?: BlobStore;
  always?: boolean;
}): Promise<AnchorWrite> {
  const key = instanceSigningKey(dataDir);
  const log = anchorLog({ dataDir, store });
  const file = log.where;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ANCHOR_LOCK_KEY})`);
    const latest = await readLatestAnchor({ key, log });
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
    await log.append(anchor);
    return { written: true, file, anchor };
  });
}
