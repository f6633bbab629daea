"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import { caseKeys } from "@/lib/client/hooks/use-cases";
import type { TaskInput, TaskUpdate } from "@/lib/remediation/schema";
import type {
  ApplyTemplateResult,
  CaseTasksView,
  CreatedTaskView,
  MyTasksView,
  TaskView,
} from "@/lib/remediation/views";

export const taskKeys = {
  all: ["tasks"] as const,
  forCase: (caseId: string) => [...taskKeys.all, "case", caseId] as const,
  mine: (search: string) => [...taskKeys.all, "mine", search] as const,
};

export function useCaseTasks(caseId: string) {
  return useQuery({
    queryKey: taskKeys.forCase(caseId),
    queryFn: () => apiFetch<CaseTasksView>(apiPath("/api/cases/{id}/tasks", { id: caseId })),
  });
}

/** `search` is the URL query string, so the list follows the address bar. */
export function useMyTasks(search: string, initialData?: MyTasksView) {
  return useQuery({
    queryKey: taskKeys.mine(search),
    queryFn: () => apiFetch<MyTasksView>(apiPath("/api/tasks", search)),
    initialData,
    placeholderData: keepPreviousData,
  });
}

/** Every task change refreshes the case's tasks, everyone's task lists and the case timeline. */
function useTaskMutation<TInput, TResult>(caseId: string, request: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: [...caseKeys.detail(caseId), "activity"] }),
      ]),
  });
}

export const useCreateTask = (caseId: string) =>
  useTaskMutation(caseId, (input: TaskInput) =>
    apiFetch<CreatedTaskView>(apiPath("/api/cases/{id}/tasks", { id: caseId }), { method: "POST", body: input }),
  );

export const useApplyTemplate = (caseId: string) =>
  useTaskMutation(caseId, (template: string) =>
    apiFetch<ApplyTemplateResult>(apiPath("/api/cases/{id}/tasks/apply-template", { id: caseId }), {
      method: "POST",
      body: { template },
    }),
  );

export const useUpdateTask = (caseId: string) =>
  useTaskMutation(caseId, ({ taskId, input }: { taskId: string; input: TaskUpdate }) =>
    apiFetch<TaskView>(apiPath("/api/tasks/{id}", { id: taskId }), { method: "PATCH", body: input }),
  );

export const useDeleteTask = (caseId: string) =>
  useTaskMutation(caseId, (taskId: string) =>
    apiFetch<null>(apiPath("/api/tasks/{id}", { id: taskId }), { method: "DELETE" }),
  );
