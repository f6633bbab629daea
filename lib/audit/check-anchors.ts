import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { existingSigningKey } from "@/lib/exports/signing";
import type { BlobStore } from "@/lib/storage";
import { type AuditAnchor, anchorSignatureValid, compareWithAnchor, parseAnchorLine } from "./anchor";
import { anchorLog } from "./anchor-log";

export interface AnchorProblem {
  problem: "missing" | "rewritten" | "forged" | "unreadable" | "backwards" | "no_key";
  /** The anchor's place among all anchors (the line of the anchor file), counted from 1, when the problem is one anchor. */
  line: number | null;
  seq: number | null;
  message: string;
}

export interface AnchorCheck {
  file: string;
  /** Anchors stored (non-empty lines of the anchor file); 0 when there are none. */
  lines: number;
  /** The newest anchor whose signature verifies, which the table was compared with. */
  latest: Pick<AuditAnchor, "seq" | "hash" | "at"> | null;
  problems: AnchorProblem[];
}

/**
 * Reads every anchor line: each must be signed by this instance's key, and none may go back
 * behind an earlier one (a replayed old line would). Then the newest valid anchor is compared
 * with the table. Checking the newest suffices: the chain walk proves every earlier event is the
 * one that anchor covered, and the writer never anchors a head while its previous anchor fails.
 */
export async function checkAuditAnchors({
  db,
  dataDir = env.DATA_DIR,
  store,
}: {
  db: DbOrTx;
  dataDir?: string;
  store?: BlobStore;
}): Promise<AnchorCheck> {
  const log = anchorLog({ dataDir, store });
  const file = log.where;
  const check: AnchorCheck = { file, lines: 0, latest: null, problems: [] };
  const key = existingSigningKey(dataDir);
  let latest: AuditAnchor | null = null;
  let latestLine = 0;
  let latestLabel = "";
  let n = 0;
  for await (const { label, text } of log.entries()) {
    n++;
    check.lines++;
    if (n === 1 && !key)
      check.problems.push({
        problem: "no_key",
        line: null,
        seq: null,
        message: `${file} holds anchors but the data folder holds no signing key to check them with`,
      });
    const anchor = parseAnchorLine(text);
    const at = (problem: AnchorProblem["problem"], seq: number | null, message: string) =>
      check.problems.push({
        problem,
        line: n,
        seq,
        message: `${label}${seq === null ? "" : ` (event ${seq})`} ${message}`,
      });
    if (!anchor) {
      at("unreadable", null, "is not a readable anchor");
      continue;
    }
    if (!key) continue;
    if (anchor.keyFingerprint !== key.fingerprint || !anchorSignatureValid(anchor, key.publicKey)) {
      at(
        "forged",
        anchor.seq,
        anchor.keyFingerprint !== key.fingerprint
          ? `is signed by another key (${anchor.keyFingerprint.slice(0, 16)}…), not this instance's`
          : "has a signature that does not verify: the line was forged or altered",
      );
      continue;
    }
    if (latest && anchor.seq < latest.seq)
      at("backwards", anchor.seq, `goes backwards: ${latestLabel} already anchored event ${latest.seq}`);
    else if (latest && anchor.seq === latest.seq && anchor.hash !== latest.hash)
      at("backwards", anchor.seq, `gives the event another hash than ${latestLabel}`);
    else {
      latest = anchor;
      latestLine = n;
      latestLabel = label.replace(/^anchor /, "");
    }
  }
  if (latest) {
    check.latest = { seq: latest.seq, hash: latest.hash, at: latest.at };
    const [row] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, latest.seq));
    const tail = compareWithAnchor(latest, row);
    if (tail) check.problems.push({ ...tail, line: latestLine });
  }
  return check;
}
