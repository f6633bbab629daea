import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { env } from "@/lib/env";
import { wakeJobs } from "@/lib/jobs/worker";
import { countUploadBytes } from "@/lib/ops/metrics";
import { parseOrThrow } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { type BlobStore, evidenceStore } from "@/lib/storage";
import { clientIp, lockBlob, toEvidenceView } from "./access";
import { detectMimeType, normaliseClaimedType } from "./detect";
import { removeIfUnreferenced } from "./blobs";
import { receiveUpload } from "./multipart";
import { sanitizeFileName } from "./names";
import { evidenceMetadataSchema } from "./schema";
import { recordEvidence } from "./record-evidence";
import type { UploadedEvidenceView } from "./views";

interface UploadOptions {
  actor: Actor;
  caseId: string;
  /** The multipart request itself: its body is streamed, never buffered. */
  request: Request;
  maxBytes?: number;
  store?: BlobStore;
}

/**
 * Attaches one file to a case. Permission is checked before a byte is read; the file is hashed
 * while it streams to a temp file; only then does one transaction lock the case, place the bytes
 * durably under their hash, take the next exhibit number and insert the row with its custody
 * and audit events. A failure anywhere leaves no row, and no file that no row needs. The answer
 * names a live exhibit of the same case with identical bytes (`duplicateOf`), so the uploader can
 * keep the new item with a reason (keepDuplicate) or drop it (deleteEvidence).
 */
export async function uploadEvidence({
  actor,
  caseId,
  request,
  maxBytes = env.MAX_UPLOAD_BYTES,
  store = evidenceStore(),
}: UploadOptions): Promise<UploadedEvidenceView> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "evidence:upload", { case: access }, "Case");
  const received = await receiveUpload(request, { store, maxBytes });
  const { staged } = received;
  let created = false;
  try {
    const meta = parseOrThrow(evidenceMetadataSchema, received.fields, "Invalid evidence details");
    const originalName = sanitizeFileName(received.fileName);
    const claimedMimeType = normaliseClaimedType(received.claimedType);
    const mimeType = await detectMimeType(received.sample);
    const ip = clientIp(request);
    const uploaded = await db.transaction(async (tx) => {
      const locked = await loadCase(tx, actor, caseId, { forUpdate: true });
      authorize(actor, "evidence:upload", { case: locked.access }, "Case");
      await lockBlob(tx, staged.sha256);
      created = await staged.commit();
      const { row, duplicateOf } = await recordEvidence(tx, {
        actor,
        caseId,
        blob: staged,
        meta,
        originalName,
        mimeType,
        claimedMimeType,
        ip,
      });
      return { ...toEvidenceView(actor, row, locked.access, actorLabel(actor)), duplicateOf };
    });
    countUploadBytes(staged.size);
    // Its text is read in the background, never in the upload's request.
    wakeJobs();
    return uploaded;
  } catch (error) {
    // Bytes this upload placed must not outlive a rolled-back row (unless another row shares them).
    if (created)
      await removeIfUnreferenced(store, staged.sha256).catch((err: unknown) =>
        logger.error({ err, sha256: staged.sha256 }, "could not remove unreferenced evidence bytes"),
      );
    throw error;
  } finally {
    await staged.discard();
  }
}
