import { eq } from "drizzle-orm";
import { db } from "@/db";
import { type Referral, referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { toInstant } from "@/lib/remediation/fields";
import { loadReferral } from "./access";
import { ofacDeadline } from "./deadlines";
import { referralView } from "./referral-view";
import { type ReferralTransitionInput, referralTransitionSchema } from "./schema";
import type { ReferralView } from "./views";
import { allowedReferralMoves } from "./workflow";

// A little slack for clocks that run ahead of ours.
const FUTURE_SLACK_MS = 5 * 60_000;
const bad = (path: string, message: string) => new AppError("bad_request", message, [{ path, message }]);

/** Which timestamp a move stamps. Declining closes the referral too. */
const stampOf = {
  submitted: "submittedAt",
  acknowledged: "acknowledgedAt",
  closed: "closedAt",
  declined: "closedAt",
} as const;

/**
 * Moves a referral through draft → submitted → acknowledged → closed (or declined). Submitting
 * needs the agency's reference number, and an OFAC referral without a deadline gets one: 10 US
 * business days after the submitted date.
 */
export async function transitionReferral({
  actor,
  referralId,
  input,
}: {
  actor: Actor;
  referralId: string;
  input: ReferralTransitionInput;
}): Promise<ReferralView> {
  const data = parseOrThrow(referralTransitionSchema, input);
  return db.transaction(async (tx) => {
    const { referral: r } = await loadReferral(tx, actor, referralId, "referral:manage", { forUpdate: true });
    const allowed = allowedReferralMoves(r.status);
    if (!allowed.includes(data.to))
      throw new AppError("conflict", `A referral in ${r.status} cannot move to ${data.to}`, {
        from: r.status,
        allowed,
      });
    const referenceNo = data.referenceNo ?? r.referenceNo;
    if (data.to === "submitted" && !referenceNo)
      throw bad("referenceNo", "Submitting needs the agency's reference number");
    const at = data.date ? toInstant(data.date, "start") : new Date();
    if (at.getTime() > Date.now() + FUTURE_SLACK_MS) throw bad("date", "The date cannot be in the future");
    const earlier =
      data.to === "submitted" ? [] : [r.submittedAt, r.acknowledgedAt].filter((d): d is Date => d !== null);
    if (earlier.some((d) => at.getTime() < d.getTime()))
      throw bad("date", "The date cannot be before the referral's earlier steps");
    const next: Partial<Referral> = { status: data.to, referenceNo, [stampOf[data.to as keyof typeof stampOf]]: at };
    if (data.to === "submitted" && r.destination === "ofac_vsd" && !r.deadlineAt) next.deadlineAt = ofacDeadline(at);
    await tx.update(referrals).set(next).where(eq(referrals.id, referralId));
    // Read before the audit event: the chain stays locked from the append to the commit.
    const answer = await referralView(tx, actor, referralId);
    await recordAudit(tx, {
      actor,
      action: "referral.transition",
      entityType: "referral",
      entityId: referralId,
      caseId: r.caseId,
      detail: {
        from: r.status,
        to: data.to,
        referenceNo,
        date: at.toISOString(),
        ...(next.deadlineAt ? { deadlineAt: next.deadlineAt.toISOString() } : {}),
      },
    });
    return answer;
  });
}
