"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { ChartCard } from "./chart-card";
import { axisProps, tooltipProps, WrappedTick } from "./chart-parts";
import { redFlagLabel } from "./labels";

/** The red flags recorded most often in the period on personas of the cases in view. */
export function RedFlagsChart({ summary }: { summary: DashboardSummary }) {
  const data = summary.redFlags.map((f) => ({ label: redFlagLabel(f.code), code: f.code, count: f.count }));
  const gist = data.length
    ? `Most recorded: ${data
        .slice(0, 3)
        .map((f) => `${f.label} (${f.count})`)
        .join(", ")}.`
    : "No red flags recorded in the period.";
  return (
    <ChartCard
      id="chart-red-flags"
      title="Top red flags"
      description="On the personas named in the cases opened in the period."
      gist={gist}
      columns={["Red flag", "Code", "Personas"]}
      rows={data.map((f) => [{ value: f.label }, { value: f.code }, { value: f.count }])}
      csvName="red-flags"
      empty="No red flags were recorded in this period."
    >
      <div className="dashboard-chart" style={{ height: Math.max(120, 30 + data.length * 38) }}>
        <BarChart
          responsive
          layout="vertical"
          data={data}
          style={{ width: "100%", height: "100%" }}
          accessibilityLayer={false}
          margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" allowDecimals={false} {...axisProps} />
          <YAxis
            type="category"
            dataKey="label"
            width={190}
            interval={0}
            {...axisProps}
            tick={(props: object) => <WrappedTick {...props} maxChars={30} />}
          />
          <Tooltip {...tooltipProps} />
          <Bar dataKey="count" name="Personas" fill="var(--chart-bar)" isAnimationActive={false} />
        </BarChart>
      </div>
    </ChartCard>
  );
}
