"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { ApiError, type ApiErrorBody, apiFetch } from "@/lib/client/api";
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
    mutationFn: async (form: FormData) => {
      const response = await fetch(apiPath("/api/imports"), {
        method: "POST",
        body: form,
        headers: { accept: "application/json" },
      });
      const data: unknown = await response.json().catch(() => null);
      if (!response.ok)
        throw new ApiError(
          response.status,
          (data as ApiErrorBody | null)?.error ?? { code: "internal", message: `Import failed (${response.status})` },
        );
      return data as { id: string };
    },
  });
}
