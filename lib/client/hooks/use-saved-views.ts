"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { SavedView, SavedViewInput, SavedViewList } from "@/lib/saved-views/schema";

export const savedViewKeys = {
  all: ["saved-views"] as const,
  list: () => [...savedViewKeys.all, "list"] as const,
};

export function useSavedViews(initialData?: SavedViewList) {
  return useQuery({
    queryKey: savedViewKeys.list(),
    queryFn: () => apiFetch<SavedViewList>(apiPath("/api/views")),
    initialData,
  });
}

export function useSaveView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) => apiFetch<SavedView>(apiPath("/api/views"), { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ deleted: true }>(apiPath("/api/views/{id}", { id }), { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}
