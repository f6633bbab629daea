import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { custodyEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadEvidence, toEvidenceView } from "./access";
import { recordCustody } from "./custody";
import { findDuplicate } from "./find-duplicate";
import { type ReasonInput, reasonSchema } from "./schema";
import { exhibitLabel, type EvidenceView } from "./views";

interface KeepDuplicateOptions {
  actor: Actor;
  evidenceId: string;
  input: ReasonInput;
  ip?: string | null;
}

/**
 * Records why an item is kept as its own exhibit although a live exhibit of the same case holds
 * identical bytes, once, in its custody log and the audit trail: a pack with two identical files
 * then explains itself. Whoever may upload to the case may say so.
 */
export async function keepDuplicate({
  actor,
  evidenceId,
  input,
  ip = null,
}: KeepDuplicateOptions): Promise<EvidenceView> {
  const { reason } = parseOrThrow(reasonSchema, input);
  return db.transaction(async (tx) => {
    const { row, access, uploadedBy } = await loadEvidence(tx, actor, evidenceId, "evidence:upload", {
      forUpdate: true,
    });
    const duplicateOf = await findDuplicate(tx, row.caseId, row.sha256, row.id);
    if (!duplicateOf)
      throw new AppError("conflict", "No other exhibit in this case holds the same bytes; there is nothing to explain");
    const [already] = await tx
      .select({ id: custodyEvents.id })
      .from(custodyEvents)
      .where(and(eq(custodyEvents.evidenceId, evidenceId), eq(custodyEvents.action, "duplicate_kept")))
      .limit(1);
    if (already) throw new AppError("conflict", "The reason for keeping this exhibit is already recorded");
    await recordCustody(tx, {
      evidenceId,
      action: "duplicate_kept",
      actor,
      ip,
      detail: { duplicateOf: duplicateOf.exhibitNo, reason },
    });
    await recordAudit(tx, {
      actor,
      action: "evidence.keep_duplicate",
      entityType: "evidence",
      entityId: evidenceId,
      caseId: row.caseId,
      detail: { exhibitNo: exhibitLabel(row.exhibitNo), duplicateOf: duplicateOf.exhibitNo, reason },
    });
    return toEvidenceView(actor, row, access, uploadedBy);
  });
}
