"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import { caseKeys } from "@/lib/client/hooks/use-cases";
import { evidenceKeys } from "@/lib/client/hooks/use-evidence";
import type { ExportOptionsInput } from "@/lib/exports/schema";
import type { ExportList, ExportView } from "@/lib/exports/views";

export const exportKeys = {
  all: ["exports"] as const,
  lists: () => [...exportKeys.all, "list"] as const,
  list: (search: string) => [...exportKeys.lists(), search] as const,
  detail: (id: string) => [...exportKeys.all, "detail", id] as const,
};

export const isBuilding = (e: Pick<ExportView, "status">) => e.status === "queued" || e.status === "running";

/**
 * `search` is a query string (`page=2`, `caseId=…&pageSize=5`). No polling of its own: each
 * building row polls its export (useExport) and refreshes the lists once the build ends.
 */
export function useExportList(search: string, initialData?: ExportList) {
  return useQuery({
    queryKey: exportKeys.list(search),
    queryFn: () => apiFetch<ExportList>(apiPath("/api/exports", search)),
    initialData,
    placeholderData: keepPreviousData,
  });
}

/** One export, polled every second until its build is done or failed. */
export function useExport(id: string, initialData?: ExportView) {
  return useQuery({
    queryKey: exportKeys.detail(id),
    queryFn: () => apiFetch<ExportView>(apiPath("/api/exports/{id}", { id })),
    initialData,
    refetchInterval: (query) => (!query.state.data || isBuilding(query.state.data) ? 1000 : false),
  });
}

/**
 * A finished build adds custody events to every packed item and an event to the case's activity.
 * Only lists and custody logs are refreshed: a text preview refetched would read the bytes again.
 */
export function useRefreshAfterExport(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: exportKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: evidenceKeys.list(caseId) }),
      queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === evidenceKeys.all[0] && q.queryKey.at(-1) === "custody",
      }),
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    ]);
}

export function useCreateExport(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (options: ExportOptionsInput) =>
      apiFetch<{ id: string }>(apiPath("/api/cases/{id}/exports", { id: caseId }), {
        method: "POST",
        body: { options },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportKeys.lists() }),
  });
}
