import { eq } from "drizzle-orm";
import { db } from "@/db";
import { referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadReferral } from "./access";
import { deadlineFrom } from "./referral-deadline";
import { referralView } from "./referral-view";
import { type ReferralUpdate, referralUpdateSchema } from "./schema";
import type { ReferralView } from "./views";

const tracked = ["destination", "destinationName", "contact", "deadlineAt", "notes", "referenceNo"] as const;
const bad = (path: string, message: string) => new AppError("bad_request", message, [{ path, message }]);

export async function updateReferral({
  actor,
  referralId,
  input,
}: {
  actor: Actor;
  referralId: string;
  input: ReferralUpdate;
}): Promise<ReferralView> {
  const data = parseOrThrow(referralUpdateSchema, input);
  return db.transaction(async (tx) => {
    const { referral: r } = await loadReferral(tx, actor, referralId, "referral:manage", { forUpdate: true });
    const destination = data.destination ?? r.destination;
    if (destination !== r.destination && r.status !== "draft")
      throw new AppError("conflict", "The destination is fixed once the referral has been submitted");
    const next = {
      destination,
      destinationName: data.destinationName === undefined ? r.destinationName : data.destinationName || null,
      contact: data.contact === undefined ? r.contact : data.contact || null,
      deadlineAt:
        deadlineFrom(destination, data.deadlineAt, data.blockedAt) ?? (data.deadlineAt === null ? null : r.deadlineAt),
      notes: data.notes ?? r.notes,
      referenceNo: data.referenceNo === undefined ? r.referenceNo : data.referenceNo || null,
    };
    if (next.destination === "other" && !next.destinationName)
      throw bad("destinationName", "Name the destination when it is `other`");
    if (data.blockedAt && destination !== "ofac_vsd")
      throw bad("blockedAt", "blockedAt applies to OFAC referrals only");
    if (!next.referenceNo && r.status !== "draft")
      throw bad("referenceNo", "A submitted referral keeps its reference number");
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of tracked) {
      const from = r[key] instanceof Date ? r[key].toISOString() : r[key];
      const value = next[key];
      const to = value instanceof Date ? value.toISOString() : value;
      if (from !== to) changes[key] = { from, to };
    }
    if (Object.keys(changes).length === 0) return referralView(tx, actor, referralId);
    await tx.update(referrals).set(next).where(eq(referrals.id, referralId));
    // Read before the audit event: the chain stays locked from the append to the commit.
    const answer = await referralView(tx, actor, referralId);
    await recordAudit(tx, {
      actor,
      action: "referral.update",
      entityType: "referral",
      entityId: referralId,
      caseId: r.caseId,
      detail: { changes, ...(data.blockedAt ? { blockedAt: data.blockedAt } : {}) },
    });
    return answer;
  });
}
