import type { Metadata } from "next";
import { NewReferral } from "@/components/referrals/new-referral";
import { ReferralFilters } from "@/components/referrals/referral-filters";
import { ReferralsTable } from "@/components/referrals/referrals-table";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { searchParamsToObject } from "@/lib/api/body";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { listReferrals } from "@/lib/referrals/list-referrals";
import { referralListQuerySchema } from "@/lib/referrals/schema";
import type { ReferralListView } from "@/lib/referrals/views";

export const metadata: Metadata = { title: "Referrals" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReferralsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of [v].flat()) if (item !== undefined) raw.append(k, item);
  const parsed = referralListQuerySchema.safeParse(searchParamsToObject(raw));
  const data: ReferralListView = parsed.success
    ? await listReferrals({ actor, query: parsed.data })
    : { items: [], total: 0, page: 1, pageSize: 50 };
  return (
    <>
      <PageHeader
        title="Referrals"
        description="Referrals to authorities on every case you can see. Overdue ones come first, then the nearest deadlines. Filters are kept in the address."
      />
      {can(actor, "referral:work") ? <NewReferral /> : null}
      <ReferralFilters />
      {parsed.success ? null : (
        <Alert tone="error" className="mb-3">
          Some filters in the address are not valid: {parsed.error.issues.map((i) => i.message).join("; ")}
        </Alert>
      )}
      <ReferralsTable initial={{ search: raw.toString(), data }} />
    </>
  );
}
