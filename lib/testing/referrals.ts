import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { referrals } from "@/db/schema";

/**
 * Files a submitted referral on the case straight into the database, so tests that need a case
 * in `referred` (which requires a filed referral) can get there without a legal user.
 */
export async function fileReferral(caseId: string): Promise<string> {
  const [row] = await db
    .insert(referrals)
    .values({
      caseId,
      destination: "fbi_ic3",
      status: "submitted",
      referenceNo: `TEST-${randomUUID().slice(0, 8)}`,
      submittedAt: new Date(),
    })
    .returning({ id: referrals.id });
  if (!row) throw new Error("referral insert returned nothing");
  return row.id;
}
