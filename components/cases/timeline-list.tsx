"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { LocalDate, LocalDateTime } from "@/components/ui/local-time";
import type { TimelineKind } from "@/lib/cases/timeline-views";
import { useCaseTimeline } from "@/lib/client/hooks/use-cases";

const kindLabels: Record<TimelineKind, string> = {
  case_opened: "Case",
  subject_hired: "Hiring",
  subject_started: "Hiring",
  device_shipped: "Device",
  first_sign_in: "Access",
  identifier_observed: "Identifier",
  evidence_collected: "Evidence",
  subject_terminated: "Hiring",
  case_contained: "Case",
  task_done: "Remediation",
  referral_submitted: "Referral",
  referral_acknowledged: "Referral",
  disclosure_sent: "Disclosure",
  note_written: "Note",
  case_closed: "Case",
};

/** The case's events by their own dates, oldest first; each title links to the record it comes from. */
export function TimelineList({ caseId }: { caseId: string }) {
  const timeline = useCaseTimeline(caseId);
  if (timeline.error) return <Alert tone="error">{timeline.error.message}</Alert>;
  const data = timeline.data;
  if (!data) return <p className="text-sm text-muted-foreground">Loading the timeline…</p>;
  const dated = data.items.some((e) => e.kind !== "case_opened");
  return (
    <div className="flex flex-col gap-3">
      {dated ? null : (
        <Alert>
          Nothing in this case has a date of its own yet. Record the subject&apos;s hire, device, first sign-in and
          termination dates in the case details, when each identifier was observed, and when each exhibit was collected:
          they appear here in the order they happened.
        </Alert>
      )}
      <ol className="flex flex-col divide-y rounded-md border" aria-label="Timeline">
        {data.items.map((e) => (
          <li
            key={e.id}
            className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm"
            data-testid="timeline-entry"
          >
            <span className="w-44 shrink-0 text-xs text-muted-foreground">
              {e.allDay ? <LocalDate iso={e.at} /> : <LocalDateTime iso={e.at} />}
            </span>
            <Badge variant="muted" className="shrink-0">
              {kindLabels[e.kind]}
            </Badge>
            <span className="min-w-0 flex-1 break-words">
              <Link
                className="font-medium underline-offset-2 hover:underline focus-visible:underline"
                href={e.source.href}
              >
                {e.title}
              </Link>
              {e.detail ? <span className="block text-muted-foreground">{e.detail}</span> : null}
            </span>
            <span className="text-xs text-muted-foreground">{e.source.label}</span>
          </li>
        ))}
      </ol>
      {data.truncated ? (
        <p className="text-sm text-muted-foreground">
          The timeline stops at its first 2,000 events; the evidence pack and the lists of each kind hold the rest.
        </p>
      ) : null}
    </div>
  );
}
