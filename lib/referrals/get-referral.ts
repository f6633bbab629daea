import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadReferral } from "./access";
import { referralView } from "./referral-view";
import type { ReferralView } from "./views";

export async function getReferral({ actor, referralId }: { actor: Actor; referralId: string }): Promise<ReferralView> {
  await loadReferral(db, actor, referralId, "referral:read");
  return referralView(db, actor, referralId);
}
