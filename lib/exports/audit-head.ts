import { db } from "@/db";
import { GENESIS_HASH } from "@/lib/audit/chain";
import { readAuditHead } from "@/lib/audit/head";
import { readLatestAnchor } from "@/lib/audit/latest-anchor";
import type { SigningKey } from "./signing";

/** manifest.json's `audit`: where the audit log stood when the pack was made. */
export interface ManifestAudit {
  headSeq: number;
  headHash: string;
  /** The newest anchor the instance had signed: the recipient's copy, outside this instance. */
  anchor?: { seq: number; hash: string; at: string; signature: string };
}

/**
 * The log's head and newest anchor, for the manifest. Covered by the pack signature, so each pack
 * handed out is a copy of the head that a later deletion or rewrite of the log cannot change.
 */
export async function packAuditHead(key: SigningKey, dataDir?: string): Promise<ManifestAudit> {
  const head = await readAuditHead({ db });
  const latest = await readLatestAnchor({ key, dataDir });
  const audit: ManifestAudit = { headSeq: head?.seq ?? 0, headHash: head?.hash ?? GENESIS_HASH };
  if (latest) audit.anchor = { seq: latest.seq, hash: latest.hash, at: latest.at, signature: latest.signature };
  return audit;
}
