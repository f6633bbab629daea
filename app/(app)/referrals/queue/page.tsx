import type { Metadata } from "next";
import { NewReferral } from "@/components/referrals/new-referral";
import { ReferralQueue } from "@/components/referrals/referral-queue";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";
import { listReferralQueue } from "@/lib/referrals/list-referral-queue";

export const metadata: Metadata = { title: "Referral queue" };

export default async function ReferralQueuePage() {
  const actor = await requireActor();
  const data = await listReferralQueue({ actor });
  return (
    <>
      <PageHeader
        title="Referral queue"
        description="Cases whose lead requested legal review and that have no referral yet, or one still in draft."
      />
      <NewReferral />
      <ReferralQueue initial={data} />
    </>
  );
}
