import type { SigningKey } from "@/lib/exports/signing";
import type { BlobStore } from "@/lib/storage";
import { type AuditAnchor, anchorSignatureValid, parseAnchorLine } from "./anchor";
import { type AnchorLog, anchorLog } from "./anchor-log";

/**
 * The newest anchor this instance's key signed. Entries that do not parse or verify are passed
 * over, so a forged line appended to the file (or a forged object) can neither stop anchoring nor
 * stand in for the real head; `audit verify` reports them.
 */
export async function readLatestAnchor({
  key,
  dataDir,
  store,
  log = anchorLog({ dataDir, store }),
}: {
  key: SigningKey;
  dataDir?: string;
  store?: BlobStore;
  log?: AnchorLog;
}): Promise<AuditAnchor | null> {
  for await (const line of log.newestFirst()) {
    const anchor = parseAnchorLine(line);
    if (anchor && anchor.keyFingerprint === key.fingerprint && anchorSignatureValid(anchor, key.publicKey))
      return anchor;
  }
  return null;
}
