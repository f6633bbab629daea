"use client";

import { LocalDateTime } from "@/components/ui/local-time";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useDeleteTask, useUpdateTask } from "@/lib/client/hooks/use-tasks";
import type { TaskView } from "@/lib/remediation/views";
import { cn } from "@/lib/utils";
import { FinishTaskForm } from "./finish-task-form";
import { LinkedEvidence } from "./linked-evidence";
import { taskKindLabels } from "./labels";
import { OverdueBadge, TaskStatusBadge } from "./task-status-badge";

export function TaskItem({ task, canManage }: { task: TaskView; canManage: boolean }) {
  const update = useUpdateTask(task.caseId);
  const remove = useDeleteTask(task.caseId);
  const [finishing, setFinishing] = useState<"done" | "not_applicable" | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const open = task.status === "todo" || task.status === "in_progress";
  const titleId = `task-title-${task.id}`;
  const busy = update.isPending || remove.isPending;
  const act = { "aria-describedby": titleId, size: "sm" as const, disabled: busy };

  return (
    <li
      data-testid="task"
      aria-labelledby={titleId}
      className={cn("rounded-md border p-3", task.overdue && "border-destructive/60 bg-destructive/5")}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <p id={titleId} className={cn("font-medium", !open && "text-muted-foreground line-through decoration-1")}>
            {task.title}
          </p>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
            <span>{taskKindLabels[task.kind]}</span>
            <span>· {task.owner ? task.owner.name : "No owner"}</span>
            <span className={task.overdue ? "font-medium text-destructive" : undefined}>
              · Due <LocalDateTime iso={task.dueAt} />
            </span>
            {task.overdue ? <OverdueBadge /> : null}
          </p>
          {task.completionNote ? (
            <p className="text-sm">
              <span className="text-muted-foreground">
                {task.status === "not_applicable" ? "Not applicable: " : "Note: "}
              </span>
              {task.completionNote}
            </p>
          ) : null}
          {task.evidenceId ? <LinkedEvidence caseId={task.caseId} evidenceId={task.evidenceId} /> : null}
        </div>
        <TaskStatusBadge status={task.status} />
      </div>
      {canManage && !finishing ? (
        <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label={`Actions for ${task.title}`}>
          {task.status === "todo" ? (
            <Button
              {...act}
              variant="outline"
              onClick={() => update.mutate({ taskId: task.id, input: { status: "in_progress" } })}
            >
              Start
            </Button>
          ) : null}
          {open ? (
            <>
              <Button {...act} onClick={() => setFinishing("done")}>
                Mark done
              </Button>
              <Button {...act} variant="outline" onClick={() => setFinishing("not_applicable")}>
                Not applicable
              </Button>
            </>
          ) : (
            <Button
              {...act}
              variant="outline"
              onClick={() => update.mutate({ taskId: task.id, input: { status: "todo" } })}
            >
              Reopen
            </Button>
          )}
          {confirmRemove ? (
            <>
              <Button {...act} variant="destructive" onClick={() => remove.mutate(task.id)}>
                Yes, remove
              </Button>
              <Button {...act} variant="ghost" onClick={() => setConfirmRemove(false)}>
                Keep
              </Button>
            </>
          ) : (
            <Button {...act} variant="ghost" onClick={() => setConfirmRemove(true)}>
              Remove
            </Button>
          )}
        </div>
      ) : null}
      {finishing ? <FinishTaskForm task={task} to={finishing} onClose={() => setFinishing(null)} /> : null}
      {update.error && !finishing ? (
        <Alert tone="error" className="mt-2">
          {update.error.message}
        </Alert>
      ) : null}
      {remove.error ? (
        <Alert tone="error" className="mt-2">
          {remove.error.message}
        </Alert>
      ) : null}
    </li>
  );
}
