"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { SettingsUpdate, SettingsView } from "@/lib/settings/schema";

export const settingsKeys = {
  all: ["settings"] as const,
  detail: () => [...settingsKeys.all, "detail"] as const,
};

export function useSettings(initialData?: SettingsView) {
  return useQuery({
    queryKey: settingsKeys.detail(),
    queryFn: () => apiFetch<SettingsView>(apiPath("/api/admin/settings")),
    initialData,
  });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SettingsUpdate) =>
      apiFetch<SettingsView>(apiPath("/api/admin/settings"), { method: "PUT", body: input }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.detail(), saved),
  });
}
