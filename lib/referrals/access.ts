import { and, eq, exists, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { caseMembers, cases, type Referral, referrals } from "@/db/schema";
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

/**
 * SQL twin of policy's referral:manage for list queries over cases (use with caseVisibleTo): admins
 * on every case, legal on referred cases and those they work (a member other than an observer),
 * nobody else. undefined when every case qualifies.
 */
export function referralManageableBy(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "admin":
      return undefined;
    case "legal":
      return or(
        eq(cases.status, "referred"),
        eq(cases.leadId, actor.id),
        exists(
          sql`(select 1 from ${caseMembers} where ${and(
            eq(caseMembers.caseId, cases.id),
            eq(caseMembers.userId, actor.id),
            ne(caseMembers.role, "observer"),
          )})`,
        ),
      );
    default:
      return sql`false`;
  }
}
