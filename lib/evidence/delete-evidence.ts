import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { evidence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { type BlobStore, evidenceStore } from "@/lib/storage";
import { loadEvidence } from "./access";
import { forgetText } from "@/lib/intake/extract-job";
import { removeIfUnreferenced } from "./blobs";
import { recordCustody } from "./custody";
import { findDuplicate } from "./find-duplicate";
import { type ReasonInput, reasonSchema } from "./schema";
import { exhibitLabel } from "./views";

interface DeleteOptions {
  actor: Actor;
  evidenceId: string;
  input: ReasonInput;
  ip?: string | null;
  store?: BlobStore;
}

/**
 * Soft-deletes an item not on hold: the row, its custody log and the audit trail stay; the item
 * leaves lists and its content is no longer served. The stored bytes go only once no other live
 * item (in this case or another) has the same SHA-256. Besides whoever may delete evidence, the
 * uploader may drop their own item while another live exhibit of the case holds the same bytes:
 * nothing leaves the case, and a duplicate upload is undone without asking the lead.
 */
export async function deleteEvidence({
  actor,
  evidenceId,
  input,
  ip = null,
  store = evidenceStore(),
}: DeleteOptions): Promise<{ bytesRemoved: boolean }> {
  const { reason } = parseOrThrow(reasonSchema, input);
  const sha256 = await db.transaction(async (tx) => {
    const { row, access } = await loadEvidence(tx, actor, evidenceId, "evidence:read_metadata", { forUpdate: true });
    if (!can(actor, "evidence:delete", { case: access })) {
      const ownDuplicate =
        row.uploadedById === actor.id &&
        can(actor, "evidence:upload", { case: access }) &&
        (await findDuplicate(tx, row.caseId, row.sha256, row.id)) !== null;
      if (!ownDuplicate) authorize(actor, "evidence:delete", { case: access }, "Evidence");
    }
    if (row.legalHold)
      throw new AppError(
        "conflict",
        "This item is on legal hold and cannot be deleted; legal must release the hold first",
      );
    const [deleted] = await tx
      .update(evidence)
      .set({ deletedAt: new Date(), deletedById: actor.id, deleteReason: reason })
      .where(and(eq(evidence.id, evidenceId), isNull(evidence.deletedAt), eq(evidence.legalHold, false)))
      .returning({ id: evidence.id });
    if (!deleted) throw new AppError("conflict", "The item changed meanwhile; reload and try again");
    // The text read from it goes with its content: search and mentions no longer find it.
    await forgetText(tx, evidenceId);
    await recordCustody(tx, { evidenceId, action: "deleted", actor, ip, detail: { reason } });
    await recordAudit(tx, {
      actor,
      action: "evidence.delete",
      entityType: "evidence",
      entityId: evidenceId,
      caseId: row.caseId,
      detail: { exhibitNo: exhibitLabel(row.exhibitNo), sha256: row.sha256, reason },
    });
    return row.sha256;
  });
  // After the commit: a failure here leaves spare bytes on disk, never a live item without its bytes.
  const bytesRemoved = await removeIfUnreferenced(store, sha256).catch((err: unknown) => {
    logger.error({ err, sha256 }, "could not remove unreferenced evidence bytes");
    return false;
  });
  return { bytesRemoved };
}
