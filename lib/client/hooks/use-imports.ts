"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { ImportView } from "@/lib/imports/views";

export const importKeys = {
  all: ["imports"] as const,
  detail: (id: string) => [...importKeys.all, "detail", id] as const,
};

/** One import; polled while its rows are being read. */
export function useImport(id: string, initialData?: ImportView) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: () => apiFetch<ImportView>(apiPath("/api/imports/{id}", { id })),
    initialData,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "queued" || status === "running" ? 1000 : false;
    },
  });
}

/** Sends the form as it is (multipart): the file, the mapping as JSON, dryRun, caseId, phoneRegion. */
export function useStartImport() {
  return useMutation({
    mutationFn: (form: FormData) => apiFetch<{ id: string }>(apiPath("/api/imports"), { method: "POST", body: form }),
  });
}
