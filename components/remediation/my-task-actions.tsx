"use client";

import { Button } from "@/components/ui/button";
import { useUpdateTask } from "@/lib/client/hooks/use-tasks";

/** Start or finish one of one's tasks from the My tasks list, without opening the case. */
export function MyTaskActions({ task }: { task: { id: string; caseId: string; title: string; status: string } }) {
  const update = useUpdateTask(task.caseId);
  if (task.status !== "todo" && task.status !== "in_progress") return null;
  const set = (status: "in_progress" | "done") => update.mutate({ taskId: task.id, input: { status } });
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Actions for ${task.title}`}>
      {task.status === "todo" ? (
        <Button size="sm" variant="outline" disabled={update.isPending} onClick={() => set("in_progress")}>
          Start
        </Button>
      ) : null}
      <Button size="sm" disabled={update.isPending} onClick={() => set("done")}>
        Mark done
      </Button>
      {update.error ? <span className="text-xs text-destructive">{update.error.message}</span> : null}
    </div>
  );
}
