import path from "node:path";
import { env } from "@/lib/env";
import { type BlobStore, evidenceStore, LocalBlobStore, type S3BlobStore } from "@/lib/storage";
import { anchorFilePath } from "./anchor";
import type { AuditAnchor } from "./anchor";
import { FileAnchorLog } from "./anchor-file";
import { StoreAnchorLog } from "./anchor-objects";

/** One stored anchor, unparsed, with the words that name it in a report ("anchor line 3"). */
export interface AnchorEntry {
  label: string;
  text: string;
}

/** Where the signed anchors are kept; only ever added to. */
export interface AnchorLog {
  /** Where they are, for reports: a file path or the bucket's folder. */
  readonly where: string;
  /** Every stored anchor, oldest first. */
  entries(): AsyncIterable<AnchorEntry>;
  /** Stored anchors newest first, so the newest valid one costs one or two reads. */
  newestFirst(): AsyncIterable<string>;
  append(anchor: AuditAnchor): Promise<void>;
}

/**
 * The anchors of this deployment. With the folder store they are the lines of
 * DATA_DIR/audit-anchors.jsonl, as they always were; with STORAGE=s3 (or a shared `store` given)
 * they are objects in the store's `anchors` folder, which every instance reads and writes, after
 * any lines the data folder's file still holds from before.
 */
export function anchorLog({ dataDir = env.DATA_DIR, store }: { dataDir?: string; store?: BlobStore } = {}): AnchorLog {
  const file = new FileAnchorLog(anchorFilePath(dataDir));
  const shared = store ?? (env.STORAGE === "s3" ? evidenceStore() : undefined);
  if (!shared) return file;
  const where =
    shared instanceof LocalBlobStore
      ? `${path.join(shared.root, "anchors")}/`
      : `s3://${(shared as S3BlobStore).bucket}/anchors/`;
  return new StoreAnchorLog(shared.files("anchors"), file, where);
}
