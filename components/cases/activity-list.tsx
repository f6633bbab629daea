"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActivityView } from "@/lib/cases/views";
import { useCaseActivity } from "@/lib/client/hooks/use-cases";
import { formatDateTime, statusLabels } from "./labels";
import type { CaseStatus } from "@/db/schema/cases";

/** One readable line per audit event. */
export function describeActivity(event: ActivityView): string {
  const d = event.detail as Record<string, unknown>;
  const status = (s: unknown) => statusLabels[s as CaseStatus] ?? String(s);
  switch (event.action) {
    case "case.create":
      return `opened the case${d.template ? " from the fake-remote-worker template" : ""}`;
    case "case.update":
      return `edited ${Object.keys((d.changes as object | undefined) ?? {}).join(", ") || "the case"}`;
    case "case.transition":
      return `moved the case from ${status(d.from)} to ${status(d.to)}${d.reason ? `: ${String(d.reason)}` : ""}`;
    case "case.reopen":
      return `reopened the case (${status(d.from)} to ${status(d.to)}): ${String(d.reason ?? "")}`;
    case "case.member_add":
      return `added ${String(d.email ?? "a member")} as ${String(d.role ?? "member")}`;
    case "case.member_remove":
      return "removed a member";
    case "seed.create":
      return "created this demo case";
    case "task.create":
      return `added the task "${String(d.title ?? "")}"`;
    case "task.update": {
      const to = (d.changes as { status?: { to?: unknown } } | undefined)?.status?.to;
      return to ? `set the task "${String(d.title ?? "")}" to ${String(to).replace("_", " ")}` : `edited the task "${String(d.title ?? "")}"`;
    }
    case "task.delete":
      return `deleted the task "${String(d.title ?? "")}"`;
    case "task.apply_template":
      return `applied the ${String(d.template ?? "")} task list (${String(d.added ?? 0)} tasks added)`;
    case "referral.create":
      return "created a referral";
    case "referral.transition":
      return `moved a referral from ${String(d.from)} to ${String(d.to)}${d.referenceNo ? ` (reference ${String(d.referenceNo)})` : ""}`;
    case "referral.update":
      return "edited a referral";
    case "disclosure.create":
      return "logged a disclosure to an authority";
    case "note.create":
      return "added a note";
    case "note.update":
      return "edited a note";
    default:
      return event.action.replace(/[._]/g, " ");
  }
}

export function ActivityList({ caseId }: { caseId: string }) {
  const [page, setPage] = useState(1);
  const activity = useCaseActivity(caseId, page);
  const data = activity.data;
  if (activity.error) return <Alert tone="error">{activity.error.message}</Alert>;
  if (!data) return <p className="text-sm text-muted-foreground">Loading activity…</p>;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <div className="flex flex-col gap-3">
      <ol className="flex flex-col divide-y rounded-md border" aria-label="Activity">
        {data.items.map((e) => (
          <li key={e.seq} className="flex flex-wrap items-baseline gap-x-3 px-3 py-2 text-sm" data-testid="activity-item">
            <time dateTime={e.at} className="w-40 shrink-0 text-xs text-muted-foreground">
              {formatDateTime(e.at)}
            </time>
            <span>
              <span className="font-medium">{e.actor.replace(/ <.*>$/, "")}</span> {describeActivity(e)}
            </span>
          </li>
        ))}
      </ol>
      <nav aria-label="Activity pages" className="flex items-center gap-2 text-sm">
        <Button size="sm" variant="outline" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Newer
        </Button>
        <span>
          Page {page} of {pages} · {data.total} events
        </span>
        <Button size="sm" variant="outline" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Older
        </Button>
      </nav>
    </div>
  );
}
