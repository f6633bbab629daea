"use client";

import { formatCount } from "@/lib/format";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCaseActivity } from "@/lib/client/hooks/use-cases";
import { describeActivity } from "./describe-activity";
import { LocalDateTime } from "@/components/ui/local-time";

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
          <li
            key={e.seq}
            className="flex flex-wrap items-baseline gap-x-3 px-3 py-2 text-sm"
            data-testid="activity-item"
          >
            <span className="w-40 shrink-0 text-xs text-muted-foreground">
              <LocalDateTime iso={e.at} />
            </span>
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
          Page {page} of {pages} · {formatCount(data.total, "event")}
        </span>
        <Button size="sm" variant="outline" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Older
        </Button>
      </nav>
    </div>
  );
}
