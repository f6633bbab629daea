import { db } from "@/db";
import { referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { parseOrThrow } from "@/lib/errors";
import { deadlineFrom } from "./referral-deadline";
import { referralView } from "./referral-view";
import { type ReferralInput, referralInputSchema } from "./schema";
import type { ReferralView } from "./views";

export async function createReferral({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: ReferralInput;
}): Promise<ReferralView> {
  const data = parseOrThrow(referralInputSchema, input);
  return db.transaction(async (tx) => {
    const kase = await loadCase(tx, actor, caseId, { forUpdate: true });
    authorize(actor, "referral:manage", { case: kase.access }, "Case");
    const [row] = await tx
      .insert(referrals)
      .values({
        caseId,
        destination: data.destination,
        destinationName: data.destinationName || null,
        contact: data.contact || null,
        deadlineAt: deadlineFrom(data.destination, data.deadlineAt, data.blockedAt) ?? null,
        notes: data.notes,
        referenceNo: data.referenceNo || null,
        createdById: actor.id,
      })
      .returning();
    if (!row) throw new Error("referral insert returned nothing");
    // Read before the audit event: the chain stays locked from the append to the commit.
    const answer = await referralView(tx, actor, row.id);
    await recordAudit(tx, {
      actor,
      action: "referral.create",
      entityType: "referral",
      entityId: row.id,
      caseId,
      detail: {
        destination: row.destination,
        destinationName: row.destinationName,
        deadlineAt: row.deadlineAt?.toISOString() ?? null,
        blockedAt: data.blockedAt ?? null,
      },
    });
    return answer;
  });
}
