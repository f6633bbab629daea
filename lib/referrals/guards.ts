import { and, count, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { referrals } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { filedReferralStatuses } from "./workflow";

/** A case is `referred` only once a referral has actually reached an agency. */
export async function assertFiledReferral(tx: Tx, caseId: string): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(referrals)
    .where(and(eq(referrals.caseId, caseId), inArray(referrals.status, [...filedReferralStatuses])));
  if (Number(row?.n ?? 0) > 0) return;
  throw new AppError(
    "conflict",
    "A case is referred only once a referral has been submitted: submit one on the Referrals tab first",
    {
      requiredReferralStatus: filedReferralStatuses,
    },
  );
}
