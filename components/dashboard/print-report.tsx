import "./dashboard.css";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocalDateTime } from "@/components/ui/local-time";
import { referralStatuses } from "@/lib/referrals/constants";
import { severities } from "@/lib/cases/constants";
import { openStatuses } from "@/lib/cases/workflow";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { Figures } from "./figures";
import {
  destinationLabels,
  formatDay,
  identifierTypeLabel,
  redFlagLabel,
  referralStatusLabels,
  severityLabels,
  statusLabels,
} from "./labels";
import { PrintButton } from "./print-button";

const cell = "border-b px-1.5 py-0.5 text-right tabular-nums";
const text = "border-b px-1.5 py-0.5 text-left";
const head = "border-b px-1.5 py-0.5 text-left text-xs font-semibold";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-1">
      <h2 className="text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** A compact table; numbers are right-aligned under right-aligned headings, text stays left. */
function Grid({ columns, rows }: { columns: string[]; rows: (string | number)[][] }) {
  const numeric = columns.map((_, i) => i > 0 && rows.length > 0 && rows.every((r) => typeof r[i] === "number"));
  return (
    <table className="w-full border-collapse text-xs">
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c} scope="col" className={numeric[i] ? `${head} text-right` : head}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((v, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="border-b px-1.5 py-0.5 text-left font-normal">
                  {v}
                </th>
              ) : (
                <td key={i} className={typeof v === "number" ? cell : text}>
                  {v}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The dashboard as a one- or two-page status report: tables only, sized for A4 and Letter. */
export function PrintReport({ summary: s, backHref }: { summary: DashboardSummary; backHref: string }) {
  const open = (status: string, severity: string) =>
    s.openCases.find((c) => c.status === status && c.severity === severity)?.count ?? 0;
  const sev = [...severities].reverse();
  const filters = [
    s.filters.team && `team ${s.filters.team}`,
    s.filters.channel && `channel ${s.filters.channel}`,
    s.filters.severity.length && `severity ${s.filters.severity.join(", ")}`,
  ].filter(Boolean);
  return (
    <article data-print-report className="mx-auto flex max-w-3xl flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link href={backHref} className="text-sm text-primary hover:underline">
          Back to the dashboard
        </Link>
        <PrintButton />
      </div>
      <header>
        <h1 className="text-xl font-semibold">Investigations status report</h1>
        <p className="text-sm text-muted-foreground">
          {formatDay(s.period.from)} to {formatDay(s.period.to)} ({s.period.days} days) ·{" "}
          {s.scope === "all" ? "every case" : "the cases you work on"}
          {filters.length ? ` · ${filters.join(" · ")}` : ""} · as of <LocalDateTime iso={s.generatedAt} />
        </p>
      </header>
      <Figures summary={s} />
      <div className="grid grid-cols-2 gap-4">
        <Section title="Open cases by status and severity">
          <Grid
            columns={["Status", ...sev.map((v) => severityLabels[v]), "Total"]}
            rows={openStatuses.map((st) => [
              statusLabels[st],
              ...sev.map((v) => open(st, v)),
              sev.reduce((a, v) => a + open(st, v), 0),
            ])}
          />
        </Section>
        <Section title="Opened and closed per week">
          <Grid
            columns={["Week", "Opened", "Closed"]}
            rows={s.weekly.map((w) => [`${w.week} (${formatDay(w.weekStart)})`, w.opened, w.closed])}
          />
        </Section>
        <Section title="Top red flags">
          {s.redFlags.length ? (
            <Grid columns={["Red flag", "Personas"]} rows={s.redFlags.map((f) => [redFlagLabel(f.code), f.count])} />
          ) : (
            <p className="text-xs">None recorded in the period.</p>
          )}
        </Section>
      </div>
      <Section title="Referrals made, by destination">
        {s.referrals.byDestination.length ? (
          <Grid
            columns={["Destination", ...referralStatuses.map((r) => referralStatusLabels[r]), "Total"]}
            rows={s.referrals.byDestination.map((d) => [
              destinationLabels[d.destination],
              ...referralStatuses.map((r) => d.byStatus[r]),
              d.total,
            ])}
          />
        ) : (
          <p className="text-xs">None in the period.</p>
        )}
      </Section>
      <Section title={`Overdue remediation tasks (${s.overdueTasks.count})`}>
        {s.overdueTasks.items.length ? (
          <Grid
            columns={["Case", "Task", "Owner", "Due"]}
            rows={s.overdueTasks.items.map((t) => [
              t.caseRef,
              t.title,
              t.ownerName ?? "Unassigned",
              formatDay(t.dueAt),
            ])}
          />
        ) : (
          <p className="text-xs">Nothing overdue.</p>
        )}
      </Section>
      <Section title={`Referral deadlines missed (${s.referrals.overdue.count})`}>
        {s.referrals.overdue.items.length ? (
          <Grid
            columns={["Case", "Destination", "Status", "Deadline"]}
            rows={s.referrals.overdue.items.map((r) => [
              r.caseRef,
              destinationLabels[r.destination],
              referralStatusLabels[r.status],
              formatDay(r.deadlineAt),
            ])}
          />
        ) : (
          <p className="text-xs">None.</p>
        )}
      </Section>
      {s.networks.items.length ? (
        <Section title="Largest persona networks">
          <Grid
            columns={["Members", "Personas", "Cases", "Most shared identifiers"]}
            rows={s.networks.items.map((n) => [
              n.samplePersonas.map((p) => p.displayName).join(", "),
              n.personas,
              n.cases,
              n.sharedIdentifierTypes.map((t) => identifierTypeLabel(t.type)).join(", ") || "—",
            ])}
          />
        </Section>
      ) : null}
    </article>
  );
}
