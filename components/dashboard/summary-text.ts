import type { DateFormatOptions } from "@/lib/format";
import { caseStatuses, severities } from "@/lib/cases/constants";
import type { DashboardSummary } from "@/lib/dashboard/views";
import {
  destinationLabels,
  formatDay,
  formatHours,
  formatShare,
  redFlagLabel,
  severityLabels,
  statusLabels,
} from "./labels";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function counted<K extends string>(keys: readonly K[], count: (key: K) => number, label: (key: K) => string): string {
  return keys
    .map((k) => [label(k), count(k)] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${l.toLowerCase()} ${n}`)
    .join(", ");
}

/**
 * The dashboard as plain text for an email: the same numbers as the charts, period first, then
 * one line per figure and the week-by-week flow.
 */
export function summaryText(s: DashboardSummary, dates: DateFormatOptions = {}): string {
  const filters = [
    s.scope === "all" ? "every case" : "the cases you work on",
    s.filters.team ? `team ${s.filters.team}` : null,
    s.filters.channel ? `hiring channel ${s.filters.channel}` : null,
    s.filters.severity.length ? `severity ${s.filters.severity.join(", ")}` : null,
  ].filter(Boolean);
  const open = (key: "status" | "severity", value: string) =>
    s.openCases.filter((c) => c[key] === value).reduce((a, c) => a + c.count, 0);
  const byStatus = counted(
    caseStatuses,
    (st) => open("status", st),
    (st) => statusLabels[st],
  );
  const bySeverity = counted(
    [...severities].reverse(),
    (sv) => open("severity", sv),
    (sv) => severityLabels[sv],
  );
  const referralsMade = s.referrals.byDestination.reduce((a, d) => a + d.total, 0);
  const lines = [
    `Investigations status, ${formatDay(s.period.from, dates)} to ${formatDay(s.period.to, dates)} (${plural(s.period.days, "day")})`,
    `Scope: ${filters.join("; ")}`,
    "",
    `Open now: ${s.totals.open}${byStatus ? ` (${byStatus})` : ""}`,
    ...(bySeverity ? [`  by severity: ${bySeverity}`] : []),
    `Opened in the period: ${s.totals.opened}; closed: ${s.totals.closed}, of which ${s.falseAlarms.cleared} cleared as false alarms (${formatShare(s.falseAlarms.share)})`,
    `Time to contain: median ${formatHours(s.timeToContain.medianHours)}, 90th percentile ${formatHours(s.timeToContain.p90Hours)} (${plural(s.timeToContain.cases, "case")})`,
    `Time to close: median ${formatHours(s.timeToClose.medianHours)}, 90th percentile ${formatHours(s.timeToClose.p90Hours)} (${plural(s.timeToClose.cases, "case")})`,
    `Overdue remediation tasks: ${s.overdueTasks.count}`,
    `Personas of open cases on a sanctions list: ${s.sanctionsHits}`,
    `Referrals made: ${referralsMade}${referralsMade ? ` (${s.referrals.byDestination.map((d) => `${destinationLabels[d.destination]} ${d.total}`).join(", ")})` : ""}; past their deadline: ${s.referrals.overdue.count}`,
    `Top red flags (personas of cases opened in the period): ${
      s.redFlags.length
        ? s.redFlags
            .slice(0, 5)
            .map((f) => `${redFlagLabel(f.code)} (${f.count})`)
            .join("; ")
        : "none recorded"
    }`,
    ...(s.networks.items[0]
      ? [
          `Largest persona network: ${plural(s.networks.items[0].personas, "persona")} across ${plural(s.networks.items[0].cases, "case")}`,
        ]
      : []),
    "",
    "Week by week (opened / closed):",
    ...s.weekly.map((w) => `  ${w.week} (from ${formatDay(w.weekStart, dates)}): ${w.opened} / ${w.closed}`),
  ];
  return lines.join("\n");
}
