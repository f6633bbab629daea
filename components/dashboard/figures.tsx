import Link from "next/link";
import type { ReactNode } from "react";
import { openStatuses } from "@/lib/cases/workflow";
import { caseListHref } from "@/lib/dashboard/url";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { formatHours, formatShare } from "./labels";

interface FigureProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  href?: string;
}

function Figure({ label, value, detail, href }: FigureProps) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border bg-card p-3 shadow-xs">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">
        {href ? (
          <Link href={href} className="hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
      {detail ? <dd className="text-xs text-muted-foreground">{detail}</dd> : null}
    </div>
  );
}

/** The headline numbers, as a description list so each label stays tied to its value. */
export function Figures({ summary: s }: { summary: DashboardSummary }) {
  const severity = s.filters.severity.join(",");
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Figure
        label="Open now"
        value={s.totals.open}
        href={caseListHref({
          status: openStatuses.join(","),
          severity,
          team: s.filters.team,
          channel: s.filters.channel,
        })}
        detail="triage to referred"
      />
      <Figure label="Opened" value={s.totals.opened} detail={`in ${s.period.days} days`} />
      <Figure label="Closed" value={s.totals.closed} detail={`${s.falseAlarms.cleared} cleared as false alarm`} />
      <Figure label="False alarms" value={formatShare(s.falseAlarms.share)} detail="of cases closed in the period" />
      <Figure
        label="Time to contain"
        value={formatHours(s.timeToContain.medianHours)}
        detail={`median; 90th percentile ${formatHours(s.timeToContain.p90Hours)} (${s.timeToContain.cases} cases)`}
      />
      <Figure
        label="Time to close"
        value={formatHours(s.timeToClose.medianHours)}
        detail={`median; 90th percentile ${formatHours(s.timeToClose.p90Hours)} (${s.timeToClose.cases} cases)`}
      />
      <Figure label="Overdue tasks" value={s.overdueTasks.count} detail="remediation past its due date" />
      <Figure label="Overdue referrals" value={s.referrals.overdue.count} detail="open, past deadline" />
      <Figure label="Sanctions hits" value={s.sanctionsHits} detail="personas in open cases: do not pay" />
    </dl>
  );
}
