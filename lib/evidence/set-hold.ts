import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { evidence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadEvidence, toEvidenceView } from "./access";
import { recordCustody } from "./custody";
import { type ReasonInput, reasonSchema } from "./schema";
import { exhibitLabel, type EvidenceView } from "./views";

export interface HoldOptions {
  actor: Actor;
  evidenceId: string;
  input: ReasonInput;
  ip?: string | null;
}

export async function setHold(
  { actor, evidenceId, input, ip = null }: HoldOptions,
  place: boolean,
): Promise<EvidenceView> {
  const { reason } = parseOrThrow(reasonSchema, input);
  return db.transaction(async (tx) => {
    const { row, access, uploadedBy } = await loadEvidence(tx, actor, evidenceId, "evidence:hold", { forUpdate: true });
    if (row.legalHold === place)
      throw new AppError("conflict", place ? "This item is already on legal hold" : "This item is not on legal hold");
    const [updated] = await tx
      .update(evidence)
      .set({ legalHold: place, holdReason: place ? reason : null })
      .where(and(eq(evidence.id, evidenceId), eq(evidence.legalHold, !place)))
      .returning();
    if (!updated) throw new AppError("conflict", "The hold changed meanwhile; reload and try again");
    await recordCustody(tx, {
      evidenceId,
      action: place ? "hold_placed" : "hold_released",
      actor,
      ip,
      detail: { reason },
    });
    await recordAudit(tx, {
      actor,
      action: place ? "evidence.hold_place" : "evidence.hold_release",
      entityType: "evidence",
      entityId: evidenceId,
      caseId: row.caseId,
      detail: { exhibitNo: exhibitLabel(row.exhibitNo), reason },
    });
    return toEvidenceView(actor, updated, access, uploadedBy);
  });
}
