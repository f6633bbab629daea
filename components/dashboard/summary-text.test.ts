import { describe, expect, it } from "vitest";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { summaryText } from "./summary-text";

const summary: DashboardSummary = {
  generatedAt: "2019-04-01T09:00:00.000Z",
  scope: "all",
  period: { from: "2019-01-01", to: "2019-01-13", days: 13 },
  filters: { team: "Platform", channel: null, severity: [] },
  options: { teams: ["Platform"], channels: [] },
  totals: { open: 3, opened: 4, closed: 2 },
  openCases: [
    { status: "triage", severity: "high", count: 2 },
    { status: "referred", severity: "critical", count: 1 },
  ],
  weekly: [
    { weekStart: "2018-12-31", week: "2019-W01", opened: 3, closed: 0 },
    { weekStart: "2019-01-07", week: "2019-W02", opened: 1, closed: 2 },
  ],
  timeToContain: { cases: 2, medianHours: 25, p90Hours: 277.8 },
  timeToClose: { cases: 2, medianHours: null, p90Hours: null },
  falseAlarms: { closed: 2, cleared: 1, share: 0.5 },
  overdueTasks: { count: 4, items: [] },
  referrals: {
    byDestination: [
      {
        destination: "fbi_ic3",
        total: 2,
        byStatus: { draft: 0, submitted: 2, acknowledged: 0, closed: 0, declined: 0 },
      },
    ],
    overdue: { count: 1, items: [] },
  },
  networks: {
    items: [{ personas: 6, cases: 3, samplePersonas: [], sharedIdentifierTypes: [] }],
    asOf: "2019-04-01T08:59:00.000Z",
    pending: false,
  },
  redFlags: [{ code: "NO_VIDEO", count: 3 }],
  sanctionsHits: 2,
};

describe("the weekly summary text", () => {
  it("carries the same numbers as the dashboard, one line each", () => {
    expect(summaryText(summary, { locale: "en-GB" }).split("\n")).toEqual([
      "Investigations status, 1 Jan 2019 to 13 Jan 2019 (13 days)",
      "Scope: every case; team Platform",
      "",
      "Open now: 3 (triage 2, referred 1)",
      "  by severity: critical 1, high 2",
      "Opened in the period: 4; closed: 2, of which 1 cleared as false alarms (50%)",
      "Time to contain: median 25 h, 90th percentile 11.6 days (2 cases)",
      "Time to close: median —, 90th percentile — (2 cases)",
      "Overdue remediation tasks: 4",
      "Personas of open cases on a sanctions list: 2",
      "Referrals made: 2 (FBI IC3 2); past their deadline: 1",
      "Top red flags (personas of cases opened in the period): Refuses or avoids camera (3)",
      "Largest persona network: 6 personas across 3 cases",
      "",
      "Week by week (opened / closed):",
      "  2019-W01 (from 31 Dec 2018): 3 / 0",
      "  2019-W02 (from 7 Jan 2019): 1 / 2",
    ]);
  });
});
