import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { exports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { recordCustody } from "@/lib/evidence/custody";
import { notifyExportReady } from "@/lib/notifications/events";
import type { PackEvidence } from "./data";
import type { IncludedItem } from "./plan";
import type { PackEntry } from "./zip-writer";

interface FinishInput {
  id: string;
  caseId: string;
  exporter: Actor | null;
  included: IncludedItem[];
  leftOutCount: number;
  fileName: string;
  pack: { size: number; sha256: string };
  manifestSha256: string;
}

/**
 * Marks the export done together with an `exported` custody event per packed item and the audit
 * event, in one transaction: the pack exists on disk before, so the log never names a pack that
 * is not there. False when the export was marked failed meanwhile (then the caller drops the file).
 */
export async function finishExport(input: FinishInput): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(exports)
      .set({
        status: "done",
        progress: 1000,
        fileName: input.fileName,
        size: input.pack.size,
        sha256: input.pack.sha256,
        manifestSha256: input.manifestSha256,
        error: null,
        completedAt: new Date(),
      })
      .where(and(eq(exports.id, input.id), eq(exports.status, "running")))
      .returning({ id: exports.id });
    if (!done) return false;
    await notifyExportReady(tx, { exportId: input.id, caseId: input.caseId, exporterId: input.exporter?.id ?? null });
    await recordCustody(
      tx,
      input.included.map(({ item, path }) => ({
        evidenceId: item.id,
        action: "exported" as const,
        actor: input.exporter,
        detail: { exportId: input.id, path, fileName: input.fileName, packSha256: input.pack.sha256 },
      })),
    );
    await recordAudit(tx, {
      actor: input.exporter,
      action: "export.complete",
      entityType: "export",
      entityId: input.id,
      caseId: input.caseId,
      detail: {
        fileName: input.fileName,
        size: input.pack.size,
        sha256: input.pack.sha256,
        manifestSha256: input.manifestSha256,
        items: input.included.length,
        leftOut: input.leftOutCount,
      },
    });
    return true;
  });
}

/** Bytes that changed since collection are a custody matter in their own right, recorded before the export fails. */
export async function recordIntegrityFailure(
  actor: Actor | null,
  caseId: string,
  item: PackEvidence,
  entry: PackEntry,
  exportId: string,
): Promise<void> {
  const detail = { expected: item.sha256, actual: entry.sha256, size: entry.size, during: "export", exportId };
  await db.transaction(async (tx) => {
    await recordCustody(tx, { evidenceId: item.id, action: "verification_failed", actor, detail });
    await recordAudit(tx, {
      actor,
      action: "evidence.verification_failed",
      entityType: "evidence",
      entityId: item.id,
      caseId,
      detail: { exhibitNo: item.exhibitNo, ...detail },
    });
  });
}
