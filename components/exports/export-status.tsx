"use client";

import { useEffect, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { useExport, useRefreshAfterExport } from "@/lib/client/hooks/use-exports";
import type { ExportView } from "@/lib/exports/views";

const labels: Record<ExportView["status"], string> = {
  queued: "Queued",
  running: "Building",
  done: "Ready",
  failed: "Failed",
};

export function ExportStatusBadge({ status }: { status: ExportView["status"] }) {
  return (
    <Badge variant={status === "failed" ? "destructive" : status === "done" ? "default" : "muted"}>
      {labels[status]}
    </Badge>
  );
}

interface ExportProgressProps {
  initial: ExportView;
  caseId: string;
}

/**
 * A building export's progress bar, polling GET /api/exports/{id} every second until the build
 * ends; then the lists, the custody logs and the case activity are refreshed once.
 */
export function ExportProgress({ initial, caseId }: ExportProgressProps) {
  const { data = initial, error } = useExport(initial.id, initial);
  const refresh = useRefreshAfterExport(caseId);
  const finished = data.status === "done" || data.status === "failed";
  const refreshed = useRef(false);
  useEffect(() => {
    if (finished && !refreshed.current) {
      refreshed.current = true;
      void refresh();
    }
  }, [finished, refresh]);
  const percent = Math.floor(data.progress / 10);
  if (error) return <span className="text-xs text-destructive">{error.message}</span>;
  if (finished) return <ExportStatusBadge status={data.status} />;
  return (
    <div className="flex min-w-40 items-center gap-2">
      <div
        role="progressbar"
        aria-label={`Building the evidence pack for ${data.caseRef}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={data.status === "queued" ? "Waiting to start" : `${percent}% written`}
        className="h-2 w-32 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs tabular-nums text-muted-foreground">
        {data.status === "queued" ? "Queued" : `${percent}%`}
      </span>
    </div>
  );
}
