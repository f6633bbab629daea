"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { CreatedWebhook, DeliveryView, WebhookInput, WebhookView } from "@/lib/webhooks/schema";

export const webhookKeys = {
  all: ["webhooks"] as const,
  list: () => [...webhookKeys.all, "list"] as const,
  deliveries: (id: string) => [...webhookKeys.all, "deliveries", id] as const,
};

export function useWebhooks(initialData?: { items: WebhookView[] }) {
  return useQuery({
    queryKey: webhookKeys.list(),
    queryFn: () => apiFetch<{ items: WebhookView[] }>(apiPath("/api/webhooks")),
    initialData,
  });
}

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookInput) =>
      apiFetch<CreatedWebhook>(apiPath("/api/webhooks"), { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ deleted: true }>(apiPath("/api/webhooks/{id}", { id }), { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** The delivery log, refreshed while deliveries wait for their next attempt. */
export function useDeliveries(id: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: () => apiFetch<{ items: DeliveryView[] }>(apiPath("/api/webhooks/{id}/deliveries", { id })),
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === "pending") ? 5_000 : false),
  });
}

export function useResendDelivery(webhookId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      apiFetch<DeliveryView>(
        apiPath("/api/webhooks/{id}/deliveries/{deliveryId}/resend", { id: webhookId, deliveryId }),
        {
          method: "POST",
        },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.deliveries(webhookId) }),
  });
}
