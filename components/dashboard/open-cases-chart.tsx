"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { severities, type Severity } from "@/lib/cases/constants";
import { openStatuses } from "@/lib/cases/workflow";
import { caseListHref } from "@/lib/dashboard/url";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { ChartCard } from "./chart-card";
import { axisProps, legendProps, SegmentShape, tooltipProps } from "./chart-parts";
import { severityLabels, statusLabels } from "./labels";

interface OpenCasesChartProps {
  summary: DashboardSummary;
}

const severityColour: Record<Severity, string> = {
  low: "var(--chart-low)",
  medium: "var(--chart-medium)",
  high: "var(--chart-high)",
  critical: "var(--chart-critical)",
};

/** Open cases now, a bar per status stacked by severity; a segment opens that slice of the case list. */
export function OpenCasesChart({ summary }: OpenCasesChartProps) {
  const router = useRouter();
  const scope = { team: summary.filters.team, channel: summary.filters.channel };
  const count = (status: string, severity: string) =>
    summary.openCases.find((c) => c.status === status && c.severity === severity)?.count ?? 0;
  const data = openStatuses.map((status) => ({
    status,
    label: statusLabels[status],
    ...Object.fromEntries(severities.map((s) => [s, count(status, s)])),
  }));
  const shown = [...severities].reverse();
  const total = summary.totals.open;
  const rows = openStatuses.map((status) => [
    {
      value: statusLabels[status],
      href: caseListHref({ status, severity: summary.filters.severity.join(","), ...scope }),
    },
    ...shown.map((severity) => ({
      value: count(status, severity),
      href: count(status, severity) ? caseListHref({ status, severity, ...scope }) : undefined,
    })),
    { value: shown.reduce((a, s) => a + count(status, s), 0) },
  ]);
  const gist = `${total} open case${total === 1 ? "" : "s"}: ${openStatuses.map((s) => `${statusLabels[s].toLowerCase()} ${rows[openStatuses.indexOf(s)]?.at(-1)?.value ?? 0}`).join(", ")}.`;

  return (
    <ChartCard
      id="chart-open-cases"
      title="Open cases by status and severity"
      description="As of now. Select a segment to see those cases."
      gist={gist}
      columns={["Status", ...shown.map((s) => severityLabels[s]), "Total"]}
      rows={total ? rows : []}
      csvName="open-cases"
      empty="No open cases match these filters."
    >
      <div className="dashboard-chart h-64" data-clickable>
        <BarChart
          responsive
          data={data}
          style={{ width: "100%", height: "100%" }}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="label" {...axisProps} />
          <YAxis allowDecimals={false} {...axisProps} />
          <Tooltip {...tooltipProps} />
          <Legend {...legendProps} />
          {severities.map((severity) => (
            <Bar
              key={severity}
              dataKey={severity}
              name={severityLabels[severity]}
              stackId="open"
              fill={severityColour[severity]}
              isAnimationActive={false}
              shape={(props) => <SegmentShape {...props} segment={`${props.payload?.status}:${severity}`} />}
              onClick={(item) => router.push(caseListHref({ status: item.payload?.status, severity, ...scope }))}
            />
          ))}
        </BarChart>
      </div>
    </ChartCard>
  );
}
