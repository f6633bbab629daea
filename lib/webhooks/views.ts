import type { Webhook, WebhookDelivery } from "@/db/schema";
import type { DeliveryView, WebhookView } from "./schema";

export function toWebhookView(row: Webhook, createdBy: string | null): WebhookView {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    createdBy,
  };
}

export function toDeliveryView(row: WebhookDelivery): DeliveryView {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    responseCode: row.responseCode,
    error: row.error,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    resendOf: row.resendOf,
    createdAt: row.createdAt.toISOString(),
    payload: row.payload,
  };
}
