import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { findReferralViews } from "./present";
import type { ReferralView } from "./views";

/** The view of one referral as the actor sees it, read inside the writing transaction. */
export async function referralView(runner: DbOrTx, actor: Actor, referralId: string): Promise<ReferralView> {
  const [view] = await findReferralViews(runner, actor, eq(referrals.id, referralId));
  if (!view) throw AppError.notFound("Referral");
  return view;
}
