"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { Inbox, Preferences, PreferencesInput } from "@/lib/notifications/schema";

export const notificationKeys = {
  all: ["notifications"] as const,
  inbox: () => [...notificationKeys.all, "inbox"] as const,
  preferences: () => [...notificationKeys.all, "preferences"] as const,
};

/** The inbox and its unread count, polled so the bell stays current while the page is open. */
export function useInbox(initialData?: Inbox) {
  return useQuery({
    queryKey: notificationKeys.inbox(),
    queryFn: () => apiFetch<Inbox>(apiPath("/api/notifications")),
    initialData,
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | "all") =>
      id === "all"
        ? apiFetch<{ marked: number }>(apiPath("/api/notifications/read"), { method: "POST", body: {} })
        : apiFetch<{ marked: number }>(apiPath("/api/notifications/{id}/read", { id }), { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.inbox() }),
  });
}

export function usePreferences(initialData?: Preferences) {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: () => apiFetch<Preferences>(apiPath("/api/notifications/preferences")),
    initialData,
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PreferencesInput) =>
      apiFetch<Preferences>(apiPath("/api/notifications/preferences"), { method: "PUT", body: input }),
    onSuccess: (data) => client.setQueryData(notificationKeys.preferences(), data),
  });
}
