"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { caseKeys } from "@/lib/client/hooks/use-cases";
import type { TaskInput, TaskUpdate } from "@/lib/remediation/schema";
import type { ApplyTemplateResult, CaseTasksView, CreatedTaskView, MyTasksView, TaskView } from "@/lib/remediation/views";

export const taskKeys = {
  all: ["tasks"] as const,
  forCase: (caseId: string) => [...taskKeys.all, "case", caseId] as const,
  mine: (search: string) => [...taskKeys.all, "mine", search] as const,
};

export function useCaseTasks(caseId: string) {
  return useQuery({ queryKey: taskKeys.forCase(caseId), queryFn: () => apiFetch<CaseTasksView>(`/api/cases/${caseId}/tasks`) });
}

/** `search` is the URL query string, so the list follows the address bar. */
export function useMyTasks(search: string, initialData?: MyTasksView) {
  return useQuery({
    queryKey: taskKeys.mine(search),
    queryFn: () => apiFetch<MyTasksView>(`/api/tasks${search ? `?${search}` : ""}`),
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
  useTaskMutation(caseId, (input: TaskInput) => apiFetch<CreatedTaskView>(`/api/cases/${caseId}/tasks`, { method: "POST", body: input }));

export const useApplyTemplate = (caseId: string) =>
  useTaskMutation(caseId, (template: string) =>
    apiFetch<ApplyTemplateResult>(`/api/cases/${caseId}/tasks/apply-template`, { method: "POST", body: { template } }),
  );

export const useUpdateTask = (caseId: string) =>
  useTaskMutation(caseId, ({ taskId, input }: { taskId: string; input: TaskUpdate }) => apiFetch<TaskView>(`/api/tasks/${taskId}`, { method: "PATCH", body: input }));

export const useDeleteTask = (caseId: string) => useTaskMutation(caseId, (taskId: string) => apiFetch<null>(`/api/tasks/${taskId}`, { method: "DELETE" }));
