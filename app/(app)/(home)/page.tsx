import type { Metadata } from "next";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";
import { dashboardQuerySchema } from "@/lib/dashboard/schema";
import { getDashboardSummary } from "@/lib/dashboard/summary";
import { readDashboardUrl } from "@/lib/dashboard/url";

export const metadata: Metadata = { title: "Dashboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of [v].flat()) if (item !== undefined) raw.append(k, item);
  const url = readDashboardUrl(raw);
  // Rendered with the figures already in, so the first paint shows numbers, not skeletons; the
  // browser then keeps them fresh. A bad address renders the shell and the API explains why.
  const data = dashboardQuerySchema.safeParse(url.query).success
    ? await getDashboardSummary({ actor, query: url.query })
    : null;
  const scope = actor.role === "admin" || actor.role === "manager" ? "every case" : "the cases you work on";
  return (
    <>
      <PageHeader title="Dashboard" description={`Where the investigations stand, across ${scope}.`} />
      <DashboardView initial={{ apiSearch: url.apiSearch, data }} />
    </>
  );
}
