import { eq } from "drizzle-orm";
import { db } from "@/db";
import { referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { findReferralViews } from "./present";
import type { CaseReferralsView } from "./views";

export async function listCaseReferrals({
  actor,
  caseId,
}: {
  actor: Actor;
  caseId: string;
}): Promise<CaseReferralsView> {
  const kase = await loadCase(db, actor, caseId);
  authorize(actor, "referral:read", { case: kase.access }, "Case");
  const items = await findReferralViews(db, actor, eq(referrals.caseId, caseId));
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { items, permissions: { manage: can(actor, "referral:manage", { case: kase.access }) } };
}
