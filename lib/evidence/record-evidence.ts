import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { cases, evidence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { queueExtraction } from "@/lib/intake/extract-job";
import type { StoredBlob } from "@/lib/storage";
import { recordCustody } from "./custody";
import { findDuplicate } from "./find-duplicate";
import type { EvidenceMetadataOutput } from "./schema";
import { exhibitLabel, type DuplicateOf } from "./views";

export interface NewEvidence {
  actor: Actor;
  caseId: string;
  /** Bytes already durable in the evidence store (committed in this transaction's lifetime). */
  blob: StoredBlob;
  meta: EvidenceMetadataOutput;
  originalName: string;
  mimeType: string;
  claimedMimeType: string | null;
  ip: string | null;
}

/**
 * The rows of a new exhibit, in the caller's transaction (which has locked the case and the blob
 * and checked the actor may upload to it): the next exhibit number, the item, its custody events,
 * its text extraction queued and the audit event. Every way a file becomes evidence goes through
 * here, so each gets the same record.
 */
export async function recordEvidence(
  tx: Tx,
  { actor, caseId, blob, meta, originalName, mimeType, claimedMimeType, ip }: NewEvidence,
): Promise<{ row: typeof evidence.$inferSelect; duplicateOf: DuplicateOf | null }> {
  // The counter moves only once the bytes are durable, in the transaction that uses the number.
  const [counter] = await tx
    .update(cases)
    .set({ exhibitCounter: sql`${cases.exhibitCounter} + 1` })
    .where(eq(cases.id, caseId))
    .returning({ n: cases.exhibitCounter });
  if (!counter) throw new Error("exhibit counter update returned nothing");
  const [row] = await tx
    .insert(evidence)
    .values({
      caseId,
      exhibitNo: counter.n,
      title: meta.title ?? originalName,
      kind: meta.kind,
      description: meta.description,
      sha256: blob.sha256,
      size: blob.size,
      mimeType,
      claimedMimeType,
      originalName,
      collectedAt: meta.collectedAt,
      collectedBy: meta.collectedBy,
      source: meta.source,
      uploadedById: actor.id,
    })
    .returning();
  if (!row) throw new Error("evidence insert returned nothing");
  if (meta.collectedAt || meta.collectedBy || meta.source) {
    await recordCustody(tx, {
      evidenceId: row.id,
      action: "collected",
      actor,
      ip,
      detail: {
        collectedAt: meta.collectedAt?.toISOString() ?? null,
        collectedBy: meta.collectedBy,
        source: meta.source,
      },
    });
  }
  // Nothing here may say whether the bytes were already stored: identical bytes may sit in a
  // case the uploader cannot see, and "already there" would tell them so.
  await recordCustody(tx, {
    evidenceId: row.id,
    action: "uploaded",
    actor,
    ip,
    detail: { sha256: blob.sha256, size: blob.size, mimeType, claimedMimeType, originalName },
  });
  await queueExtraction(tx, row.id);
  const duplicateOf = await findDuplicate(tx, caseId, blob.sha256, row.id);
  await recordAudit(tx, {
    actor,
    action: "evidence.upload",
    entityType: "evidence",
    entityId: row.id,
    caseId,
    detail: {
      exhibitNo: exhibitLabel(row.exhibitNo),
      sha256: blob.sha256,
      size: blob.size,
      mimeType,
      ...(duplicateOf ? { duplicateOf: duplicateOf.exhibitNo } : {}),
    },
  });
  return { row, duplicateOf };
}
