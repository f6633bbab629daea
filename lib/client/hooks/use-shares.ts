"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { ShareInput } from "@/lib/shares/schema";
import type { CreatedShare, ShareView } from "@/lib/shares/views";

export const shareKeys = {
  all: ["shares"] as const,
  list: (exportId: string) => [...shareKeys.all, "list", exportId] as const,
};

export function useShares(exportId: string, initialData?: ShareView[]) {
  return useQuery({
    queryKey: shareKeys.list(exportId),
    queryFn: async () =>
      (await apiFetch<{ items: ShareView[] }>(apiPath("/api/exports/{id}/shares", { id: exportId }))).items,
    initialData,
  });
}

export function useCreateShare(exportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ShareInput) =>
      apiFetch<CreatedShare>(apiPath("/api/exports/{id}/shares", { id: exportId }), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareKeys.list(exportId) }),
  });
}

export function useRevokeShare(exportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shareId: string) =>
      apiFetch<ShareView>(apiPath("/api/exports/{id}/shares/{shareId}", { id: exportId, shareId }), {
        method: "DELETE",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareKeys.list(exportId) }),
  });
}
