import type { CaseStatus, Severity } from "@/lib/cases/constants";
import { cn } from "@/lib/utils";
import { severityLabels, statusLabels } from "./labels";

const statusStyles: Record<CaseStatus, string> = {
  triage: "bg-muted text-foreground",
  investigating: "bg-primary/15 text-primary",
  contained: "bg-warning/20 text-foreground",
  referred: "bg-primary/25 text-foreground",
  closed: "bg-success/20 text-foreground",
  cleared: "bg-muted text-muted-foreground",
};

const severityStyles: Record<Severity, string> = {
  low: "border-border text-muted-foreground",
  medium: "border-warning/60 text-foreground",
  high: "border-destructive/60 text-destructive",
  critical: "border-destructive bg-destructive text-destructive-foreground",
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <span
      data-testid="case-status"
      className={cn("inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium", statusStyles[status])}
    >
      {statusLabels[status]}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-md border px-2 py-0.5 text-xs font-medium",
        severityStyles[severity],
      )}
    >
      {severityLabels[severity]}
    </span>
  );
}
