import type { Metadata } from "next";
import { PrintReport } from "@/components/dashboard/print-report";
import { Alert } from "@/components/ui/alert";
import { requireActor } from "@/lib/auth/current";
import { dashboardQuerySchema } from "@/lib/dashboard/schema";
import { getDashboardSummary } from "@/lib/dashboard/summary";
import { readDashboardUrl } from "@/lib/dashboard/url";

export const metadata: Metadata = { title: "Status report" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPrintPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of [v].flat()) if (item !== undefined) raw.append(k, item);
  const url = readDashboardUrl(raw);
  const parsed = dashboardQuerySchema.safeParse(url.query);
  if (!parsed.success) {
    return (
      <Alert tone="error">
        The filters in the address are not valid: {parsed.error.issues.map((i) => i.message).join("; ")}
      </Alert>
    );
  }
  const summary = await getDashboardSummary({ actor, query: url.query });
  return <PrintReport summary={summary} backHref={raw.size ? `/?${raw.toString()}` : "/"} />;
}
