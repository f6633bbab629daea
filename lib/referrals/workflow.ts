import type { ReferralStatus } from "@/db/schema";

/** Forward one step at a time; any referral not yet closed may be declined (by us or by the agency). */
const moves: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ["submitted", "declined"],
  submitted: ["acknowledged", "declined"],
  acknowledged: ["closed", "declined"],
  closed: [],
  declined: [],
};

export const openReferralStatuses: readonly ReferralStatus[] = ["draft", "submitted", "acknowledged"];
/** A referral in one of these has reached the agency, which is what a `referred` case needs. */
export const filedReferralStatuses: readonly ReferralStatus[] = ["submitted", "acknowledged", "closed"];

export function allowedReferralMoves(from: ReferralStatus): readonly ReferralStatus[] {
  return moves[from];
}
