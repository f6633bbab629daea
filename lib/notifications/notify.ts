import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { notificationPreferences, notifications, webhookDeliveries, webhooks } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/queue";
import type { NotificationEvent } from "./constants";
import { allowedRecipients } from "./recipients";

export interface NotifyInput {
  /** Who is told (user ids); filtered by need-to-know, disabled users and the actor. */
  recipients: readonly string[];
  title: string;
  /** Path in the app (`/cases/…`), where the notification leads. */
  url: string;
  /** The case the event is about: only those who may see it are told. */
  caseId: string | null;
  /** The person whose action this is: never told of their own doing. */
  actorId?: string | null;
  /** Makes the event once per person and per webhook (reminders); unset: every call is new. */
  key?: string;
  /**
   * For webhooks: ids and what changed, never content (no titles, names or notes), since an
   * endpoint is outside every case's need-to-know.
   */
  data: Record<string, string | number | boolean | null>;
}

export interface Notified {
  notificationIds: string[];
  deliveryIds: string[];
}

/**
 * Tells people and webhooks that something happened, in the caller's transaction: the inbox rows,
 * the e-mail jobs and the webhook deliveries exist exactly when the change they describe does.
 * Each person gets it as their preferences say (in-app, e-mail at once or in the daily digest).
 */
export async function notify(tx: Tx, event: NotificationEvent, input: NotifyInput): Promise<Notified> {
  const wanted = input.recipients.filter((id) => id !== input.actorId);
  const people = await allowedRecipients(tx, input.caseId, wanted);
  const prefs =
    people.length === 0
      ? []
      : await tx
          .select()
          .from(notificationPreferences)
          .where(
            and(
              eq(notificationPreferences.event, event),
              inArray(
                notificationPreferences.userId,
                people.map((p) => p.id),
              ),
            ),
          );
  const prefOf = new Map(prefs.map((p) => [p.userId, p]));
  const mail = env.SMTP_URL !== undefined;
  const rows = people.flatMap((p) => {
    const pref = prefOf.get(p.id);
    const inApp = pref?.inApp ?? true;
    const email = mail ? (pref?.email ?? "immediate") : "off";
    if (!inApp && email === "off") return [];
    return [
      {
        userId: p.id,
        event,
        title: input.title,
        url: input.url,
        caseId: input.caseId,
        key: input.key ?? null,
        inApp,
        digest: email === "daily",
        immediate: email === "immediate",
      },
    ];
  });
  const inserted =
    rows.length === 0
      ? []
      : await tx
          .insert(notifications)
          .values(rows.map(({ immediate: _, ...row }) => row))
          .onConflictDoNothing()
          .returning({ id: notifications.id, userId: notifications.userId });
  const immediate = new Set(rows.filter((r) => r.immediate).map((r) => r.userId));
  for (const n of inserted)
    if (immediate.has(n.userId)) await enqueueJob(tx, { kind: "notification.email", key: n.id, maxAttempts: 5 });

  const deliveryIds = await queueWebhookDeliveries(tx, event, input);
  return { notificationIds: inserted.map((n) => n.id), deliveryIds };
}

async function queueWebhookDeliveries(tx: Tx, event: NotificationEvent, input: NotifyInput): Promise<string[]> {
  const endpoints = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.active, true),
        sql`(${webhooks.events} @> ${JSON.stringify([event])}::jsonb or ${webhooks.events} @> '["*"]'::jsonb)`,
      ),
    );
  if (endpoints.length === 0) return [];
  const payload = {
    event,
    occurredAt: new Date().toISOString(),
    data: { caseId: input.caseId, actorId: input.actorId ?? null, ...input.data },
  };
  const created = await tx
    .insert(webhookDeliveries)
    .values(endpoints.map((w) => ({ webhookId: w.id, event, eventKey: input.key ?? null, payload })))
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  for (const d of created) await enqueueDelivery(tx, d.id, 1, new Date());
  return created.map((d) => d.id);
}

/** One job per delivery attempt, so a delivery re-queues its next attempt from inside its own job. */
export async function enqueueDelivery(
  tx: Tx | Parameters<typeof enqueueJob>[0],
  id: string,
  attempt: number,
  at: Date,
) {
  await enqueueJob(tx, {
    kind: "webhook.deliver",
    key: `${id}:${attempt}`,
    payload: { deliveryId: id, attempt },
    runAfter: at,
    maxAttempts: 1,
  });
}
