import { eq } from "drizzle-orm";
import { db } from "@/db";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { JobHandler } from "@/lib/jobs/handlers";
import { enqueueDelivery } from "@/lib/notifications/notify";
import { postJson } from "./post";
import { signBody } from "./sign";

/** A failing endpoint is tried again for this long after the event, then the delivery fails. */
export const DELIVERY_WINDOW_MS = 24 * 60 * 60_000;

/** 30 s, 1 min, 2 min, … doubling up to an hour between attempts. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * One attempt at one delivery (the job `webhook.deliver`, keyed by delivery and attempt). On a
 * failure it queues the next attempt itself, with a longer pause each time, until the day is out.
 */
export const deliverWebhookHandler: JobHandler = {
  concurrency: 4,
  async run({ job }) {
    const { deliveryId, attempt } = job.payload as { deliveryId: string; attempt: number };
    const [row] = await db
      .select({ delivery: webhookDeliveries, url: webhooks.url, secret: webhooks.secret, active: webhooks.active })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!row || row.delivery.status !== "pending") return;
    const now = new Date();
    if (!row.active) {
      await db
        .update(webhookDeliveries)
        .set({ status: "failed", error: "The endpoint was disabled", nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, deliveryId));
      return;
    }
    const body = JSON.stringify(row.delivery.payload);
    let responseCode: number | null = null;
    let error: string | null = null;
    try {
      responseCode = await postJson(row.url, body, {
        "x-casework-event": row.delivery.event,
        "x-casework-delivery": deliveryId,
        "x-casework-signature": signBody(row.secret, body),
      });
      if (responseCode < 200 || responseCode >= 300) error = `The endpoint answered ${responseCode}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const finished = new Date();
    if (error === null) {
      await db
        .update(webhookDeliveries)
        .set({
          status: "delivered",
          attempts: attempt,
          responseCode,
          error: null,
          lastAttemptAt: now,
          deliveredAt: finished,
          nextAttemptAt: null,
        })
        .where(eq(webhookDeliveries.id, deliveryId));
      return;
    }
    const next = new Date(finished.getTime() + retryDelayMs(attempt));
    const giveUp = next.getTime() - row.delivery.createdAt.getTime() > DELIVERY_WINDOW_MS;
    await db.transaction(async (tx) => {
      await tx
        .update(webhookDeliveries)
        .set({
          status: giveUp ? "failed" : "pending",
          attempts: attempt,
          responseCode,
          error,
          lastAttemptAt: now,
          nextAttemptAt: giveUp ? null : next,
        })
        .where(eq(webhookDeliveries.id, deliveryId));
      if (!giveUp) await enqueueDelivery(tx, deliveryId, attempt + 1, next);
    });
  },
};
