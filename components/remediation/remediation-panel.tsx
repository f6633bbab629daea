"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useApplyTemplate, useCaseTasks } from "@/lib/client/hooks/use-tasks";
import { AddTaskForm } from "./add-task-form";
import { ProgressBar } from "./progress-bar";
import { TaskItem } from "./task-item";

/** The case's Remediation tab: progress, the task list, templates and a form to add a task. */
export function RemediationPanel({ caseId }: { caseId: string }) {
  const tasks = useCaseTasks(caseId);
  const apply = useApplyTemplate(caseId);
  const [applied, setApplied] = useState<string | null>(null);
  const data = tasks.data;

  if (tasks.error) return <Alert tone="error">{tasks.error.message}</Alert>;
  if (!data) {
    return (
      <div role="status" aria-label="Loading tasks" className="flex flex-col gap-2">
        <Skeleton className="h-3 w-full" />
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-16 w-full" />
      </div>
    );
  }
  const manage = data.permissions.manage;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Remediation</CardTitle>
        <CardDescription>
          Contain the damage: cut access, recover devices, stop payments. A case closes only once every task is done or
          marked not applicable.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ProgressBar progress={data.progress} />
        {manage ? (
          <div className="flex flex-wrap items-center gap-2">
            {data.templates.map((t) => (
              <Button
                key={t.id}
                variant="outline"
                size="sm"
                disabled={apply.isPending}
                onClick={() =>
                  apply.mutate(t.id, {
                    onSuccess: (r) =>
                      setApplied(
                        r.added > 0
                          ? `Added ${r.added} task${r.added === 1 ? "" : "s"} from “${t.name}”.`
                          : `Every task of “${t.name}” is already on this case.`,
                      ),
                  })
                }
              >
                Apply template: {t.name}
              </Button>
            ))}
            {applied ? (
              <span role="status" className="text-sm text-muted-foreground">
                {applied}
              </span>
            ) : null}
          </div>
        ) : null}
        {apply.error ? <Alert tone="error">{apply.error.message}</Alert> : null}
        {data.items.length === 0 ? (
          <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
            {manage
              ? "No tasks yet. Apply the template for the standard containment steps, or add a task below."
              : "No remediation tasks on this case yet."}
          </p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Remediation tasks">
            {data.items.map((t) => (
              <TaskItem key={t.id} task={t} canManage={manage} />
            ))}
          </ul>
        )}
        {manage ? <AddTaskForm caseId={caseId} assignees={data.assignees} /> : null}
      </CardContent>
    </Card>
  );
}
