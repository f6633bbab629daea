"use client";

import "./dashboard.css";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { explainError } from "@/lib/client/api";
import { useDashboardSummary } from "@/lib/client/hooks/use-dashboard";
import { useUrlState } from "@/lib/client/use-url-state";
import { readDashboardUrl } from "@/lib/dashboard/url";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { DashboardFilters } from "./dashboard-filters";
import { DashboardSkeleton } from "./dashboard-skeleton";
import { Figures } from "./figures";
import { formatDay } from "./labels";
import { NetworksTable } from "./networks-table";
import { OpenCasesChart } from "./open-cases-chart";
import { OverdueReferrals, OverdueTasks } from "./overdue-lists";
import { RedFlagsChart } from "./red-flags-chart";
import { ReferralsChart } from "./referrals-chart";
import { WeeklyChart } from "./weekly-chart";
import { WeeklySummary } from "./weekly-summary";
import { LocalDateTime, useDateSettings } from "@/components/ui/local-time";

interface DashboardViewProps {
  /** What the server rendered, for the address it rendered. */
  initial: { apiSearch: string; data: DashboardSummary | null };
}

/** The home page's figures; the address holds the period and filters, the API the numbers. */
export function DashboardView({ initial }: DashboardViewProps) {
  const dates = useDateSettings();
  const { searchParams, set } = useUrlState();
  const url = readDashboardUrl(searchParams);
  const query = useDashboardSummary(
    url.apiSearch,
    url.apiSearch === initial.apiSearch && initial.data ? initial.data : undefined,
  );
  const summary = query.data;
  const onChange = (changes: Record<string, string | null>) => set(changes, { resetPage: false });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <DashboardFilters url={url} options={summary?.options} onChange={onChange} />
        <Button asChild variant="outline" size="sm" className="print:hidden">
          <Link href={`/dashboard/print${searchParams.size ? `?${searchParams.toString()}` : ""}`}>
            Printable report
          </Link>
        </Button>
      </div>
      {query.error ? (
        <Alert tone="error">
          {explainError(query.error)}.{" "}
          <button
            type="button"
            className="underline"
            onClick={() => window.history.pushState(null, "", window.location.pathname)}
          >
            Reset the filters
          </button>
        </Alert>
      ) : null}
      {summary ? (
        <div
          className={query.isPlaceholderData ? "flex flex-col gap-4 opacity-60" : "flex flex-col gap-4"}
          aria-busy={query.isFetching}
        >
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {formatDay(summary.period.from, dates)} to {formatDay(summary.period.to, dates)} ({summary.period.days}{" "}
            days), {summary.scope === "all" ? "every case" : "the cases you work on"}. Figures as of{" "}
            <LocalDateTime iso={summary.generatedAt} />, refreshed every minute.
          </p>
          <Figures summary={summary} />
          <div className="grid gap-4 lg:grid-cols-2">
            <OpenCasesChart summary={summary} />
            <WeeklyChart summary={summary} />
            <ReferralsChart summary={summary} />
            <RedFlagsChart summary={summary} />
            <OverdueTasks summary={summary} />
            <OverdueReferrals summary={summary} />
          </div>
          <NetworksTable summary={summary} />
          <WeeklySummary summary={summary} />
        </div>
      ) : query.error ? null : (
        <DashboardSkeleton />
      )}
    </div>
  );
}
