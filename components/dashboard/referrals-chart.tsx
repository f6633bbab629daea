"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { referralStatuses, type ReferralStatus } from "@/lib/referrals/constants";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { ChartCard } from "./chart-card";
import { axisProps, legendProps, tooltipProps } from "./chart-parts";
import { destinationLabels, referralStatusLabels } from "./labels";

const statusColour: Record<ReferralStatus, string> = {
  draft: "var(--chart-draft)",
  submitted: "var(--chart-submitted)",
  acknowledged: "var(--chart-acknowledged)",
  closed: "var(--chart-done)",
  declined: "var(--chart-declined)",
};

/** Referrals made in the period, a bar per destination stacked by where each one stands. */
export function ReferralsChart({ summary }: { summary: DashboardSummary }) {
  const items = summary.referrals.byDestination;
  const data = items.map((d) => ({ label: destinationLabels[d.destination], ...d.byStatus }));
  const rows = items.map((d) => [
    { value: destinationLabels[d.destination] },
    ...referralStatuses.map((s) => ({ value: d.byStatus[s] })),
    { value: d.total },
  ]);
  const total = items.reduce((a, d) => a + d.total, 0);
  const gist = total
    ? `${total} referral${total === 1 ? "" : "s"} made: ${items.map((d) => `${destinationLabels[d.destination]} ${d.total}`).join(", ")}.`
    : "No referrals made in the period.";

  return (
    <ChartCard
      id="chart-referrals"
      title="Referrals by destination"
      description="Referrals made in the period, by where each one stands."
      gist={gist}
      columns={["Destination", ...referralStatuses.map((s) => referralStatusLabels[s]), "Total"]}
      rows={rows}
      csvName="referrals"
      empty="No referrals were made in this period."
    >
      <div className="dashboard-chart" style={{ height: Math.max(120, 40 + items.length * 36) }}>
        <BarChart
          responsive
          layout="vertical"
          data={data}
          style={{ width: "100%", height: "100%" }}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" allowDecimals={false} {...axisProps} />
          <YAxis type="category" dataKey="label" width={150} {...axisProps} />
          <Tooltip {...tooltipProps} />
          <Legend {...legendProps} />
          {referralStatuses.map((s) => (
            <Bar
              key={s}
              dataKey={s}
              name={referralStatusLabels[s]}
              stackId="referrals"
              fill={statusColour[s]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
    </ChartCard>
  );
}
