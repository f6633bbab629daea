import type { RemediationTask, TaskStatus } from "@/db/schema";
import type { Person } from "./fields";
import type { Progress, TaskView } from "./views";

export const openTaskStatuses: readonly TaskStatus[] = ["todo", "in_progress"];
export const isOpenTask = (status: TaskStatus) => openTaskStatuses.includes(status);

export function isTaskOverdue(task: Pick<RemediationTask, "dueAt" | "status">, now = new Date()): boolean {
  return task.dueAt !== null && task.dueAt.getTime() < now.getTime() && isOpenTask(task.status);
}

export function toTaskView(task: RemediationTask, owner: Person | null, now = new Date()): TaskView {
  return {
    id: task.id,
    caseId: task.caseId,
    kind: task.kind,
    title: task.title,
    owner,
    dueAt: task.dueAt?.toISOString() ?? null,
    status: task.status,
    completionNote: task.completionNote,
    evidenceId: task.evidenceId,
    templateId: task.templateId,
    templateStep: task.templateStep,
    position: task.position,
    completedAt: task.completedAt?.toISOString() ?? null,
    overdue: isTaskOverdue(task, now),
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

export function progressOf(tasks: readonly Pick<TaskView, "status" | "overdue">[]): Progress {
  const count = (s: TaskStatus) => tasks.filter((t) => t.status === s).length;
  const done = count("done");
  const notApplicable = count("not_applicable");
  const total = tasks.length;
  return {
    total,
    done,
    notApplicable,
    open: total - done - notApplicable,
    overdue: tasks.filter((t) => t.overdue).length,
    percent: total === 0 ? 0 : Math.floor(((done + notApplicable) * 100) / total),
  };
}
