"use client";

import { LocalDate } from "@/components/ui/local-time";
import type { CaseDetail } from "@/lib/cases/views";
import { useCase } from "@/lib/client/hooks/use-cases";
import { CaseStatusBadge, SeverityBadge } from "./case-badges";
import { WorkflowActions } from "./workflow-actions";

export function CaseHeader({ initial }: { initial: CaseDetail }) {
  const { data: detail = initial } = useCase(initial.id, initial);
  return (
    <header className="mb-4 flex flex-col gap-3 border-b pb-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-mono text-muted-foreground" data-testid="case-ref">
          {detail.ref}
        </span>
        <CaseStatusBadge status={detail.status} />
        <SeverityBadge severity={detail.severity} />
        {detail.tags.map((t) => (
          <span key={t} className="rounded bg-muted px-1.5 py-0.5 text-xs text-muted-foreground">
            #{t}
          </span>
        ))}
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">{detail.title}</h1>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted-foreground">Lead</dt>
          <dd>{detail.lead?.name ?? "No lead"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Members</dt>
          <dd>{detail.members.length ? detail.members.map((m) => m.name).join(", ") : "None yet"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Due</dt>
          <dd className={detail.overdue ? "font-medium text-destructive" : undefined}>
            <LocalDate iso={detail.dueDate} />
            {detail.overdue ? " (overdue)" : ""}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Opened</dt>
          <dd>
            <LocalDate iso={detail.openedAt} />
          </dd>
        </div>
      </dl>
      {detail.closingReason ? (
        <p className="text-sm">
          <span className="text-muted-foreground">Closing reason: </span>
          {detail.closingReason}
        </p>
      ) : null}
      <WorkflowActions detail={detail} />
    </header>
  );
}
