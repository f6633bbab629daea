import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type Referral, referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { type Action, authorize } from "@/lib/auth/policy";
import { type LoadedCase, loadCase } from "@/lib/cases/access";
import { AppError } from "@/lib/errors";

/** Loads a referral and its case; one on a case the actor cannot see is simply not found. */
export async function loadReferral(
  runner: DbOrTx,
  actor: Actor,
  referralId: string,
  action: Action,
  options: { forUpdate?: boolean } = {},
): Promise<{ referral: Referral; kase: LoadedCase }> {
  const base = runner.select().from(referrals).where(eq(referrals.id, referralId));
  const [referral] = options.forUpdate ? await base.for("update") : await base;
  if (!referral) throw AppError.notFound("Referral");
  const kase = await loadCase(runner, actor, referral.caseId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? AppError.notFound("Referral") : error;
  });
  authorize(actor, action, { case: kase.access }, "Referral");
  return { referral, kase };
}
