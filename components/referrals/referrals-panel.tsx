"use client";

import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useCase } from "@/lib/client/hooks/use-cases";
import { useCaseReferrals } from "@/lib/client/hooks/use-referrals";
import { CreateReferralForm } from "./create-referral-form";
import { ReferralCard } from "./referral-card";

/** The case's Referrals tab: each referral with its moves and disclosure log, and a form for a new one. */
export function ReferralsPanel({ caseId }: { caseId: string }) {
  const kase = useCase(caseId);
  const referrals = useCaseReferrals(caseId, kase.data?.status ?? "unknown");
  const data = referrals.data;

  if (referrals.error) return <Alert tone="error">{referrals.error.message}</Alert>;
  if (!data) {
    return (
      <div role="status" aria-label="Loading referrals" className="flex flex-col gap-2">
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  const manage = data.permissions.manage;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Referrals</CardTitle>
        <CardDescription>
          Referrals to authorities and everything disclosed to them. The case can move to Referred once one has been
          submitted.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {data.items.length === 0 ? (
          <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
            {manage
              ? "No referrals yet. Create one below when the case is ready to go to an agency."
              : "No referrals yet. Legal creates them when the case is ready to go to an agency."}
          </p>
        ) : (
          data.items.map((r) => <ReferralCard key={r.id} referral={r} />)
        )}
        {manage ? <CreateReferralForm caseId={caseId} /> : null}
      </CardContent>
    </Card>
  );
}
