import type { TaskStatus } from "@/lib/remediation/constants";
import { cn } from "@/lib/utils";
import { taskStatusLabels } from "./labels";

const styles: Record<TaskStatus, string> = {
  todo: "bg-muted text-foreground",
  in_progress: "bg-primary/15 text-primary",
  done: "bg-success/20 text-foreground",
  not_applicable: "bg-muted text-muted-foreground",
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return (
    <span
      data-testid="task-status"
      className={cn("inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium", styles[status])}
    >
      {taskStatusLabels[status]}
    </span>
  );
}

export function OverdueBadge() {
  return (
    <span className="inline-flex items-center rounded-md bg-destructive px-2 py-0.5 text-xs font-medium text-destructive-foreground">
      Overdue
    </span>
  );
}
