"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { addDays } from "@/lib/dashboard/period";
import { caseListHref } from "@/lib/dashboard/url";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { ChartCard } from "./chart-card";
import { axisProps, legendProps, SegmentShape, tooltipProps } from "./chart-parts";
import { useDateSettings } from "@/components/ui/local-time";
import { formatDay } from "./labels";

interface WeeklyChartProps {
  summary: DashboardSummary;
}

/** Opened against closed per ISO week; an "opened" bar opens the cases opened that week. */
export function WeeklyChart({ summary }: WeeklyChartProps) {
  const dates = useDateSettings();
  const router = useRouter();
  const { from, to } = summary.period;
  const severity = summary.filters.severity.join(",");
  const scope = { team: summary.filters.team, channel: summary.filters.channel };
  // The week, cut to the period, as the case list's opened-between filter.
  const openedHref = (weekStart: string) =>
    caseListHref({
      openedFrom: weekStart < from ? from : weekStart,
      openedTo: addDays(weekStart, 6) > to ? to : addDays(weekStart, 6),
      severity,
      ...scope,
    });
  const rows = summary.weekly.map((w) => [
    { value: `${w.week} (from ${formatDay(w.weekStart, dates)})` },
    { value: w.opened, href: w.opened ? openedHref(w.weekStart) : undefined },
    { value: w.closed },
  ]);
  const busiest = summary.weekly.reduce((best, w) => (w.opened > (best?.opened ?? -1) ? w : best), summary.weekly[0]);
  const gist = `${summary.totals.opened} opened and ${summary.totals.closed} closed over ${summary.weekly.length} weeks${busiest?.opened ? `; most opened in ${busiest.week} (${busiest.opened})` : ""}.`;

  return (
    <ChartCard
      id="chart-weekly"
      title="Opened and closed per week"
      description="ISO weeks in the period; closed includes cleared. Select an opened bar to see those cases."
      gist={gist}
      columns={["Week", "Opened", "Closed"]}
      rows={rows}
      csvName={`opened-closed-${from}-${to}`}
    >
      <div className="dashboard-chart h-64" data-clickable>
        <BarChart
          responsive
          data={summary.weekly}
          style={{ width: "100%", height: "100%" }}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="week" {...axisProps} tickFormatter={(w: string) => w.slice(5)} minTickGap={8} />
          <YAxis allowDecimals={false} {...axisProps} />
          <Tooltip {...tooltipProps} />
          <Legend {...legendProps} />
          <Bar
            dataKey="opened"
            name="Opened"
            fill="var(--chart-opened)"
            isAnimationActive={false}
            shape={(props) => <SegmentShape {...props} segment={`opened:${props.payload?.weekStart}`} />}
            onClick={(item) => {
              const week = item.payload?.weekStart as string | undefined;
              if (week) router.push(openedHref(week));
            }}
          />
          <Bar dataKey="closed" name="Closed" fill="var(--chart-closed)" isAnimationActive={false} />
        </BarChart>
      </div>
    </ChartCard>
  );
}
