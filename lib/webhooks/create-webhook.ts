import { db } from "@/db";
import { webhooks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { parseOrThrow } from "@/lib/errors";
import { resolvePublic } from "./address-check";
import { type CreatedWebhook, type WebhookInput, webhookInputSchema } from "./schema";
import { newWebhookSecret } from "./sign";
import { toWebhookView } from "./views";

/** Registers an endpoint (admins): its address must resolve to public addresses only. */
export async function createWebhook({ actor, input }: { actor: Actor; input: WebhookInput }): Promise<CreatedWebhook> {
  authorize(actor, "webhook:manage");
  const data = parseOrThrow(webhookInputSchema, input);
  await resolvePublic(new URL(data.url).hostname);
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({ url: data.url, events: data.events, description: data.description, secret, createdById: actor.id })
      .returning();
    if (!row) throw new Error("webhook insert returned nothing");
    // The secret never goes into the log.
    await recordAudit(tx, {
      actor,
      action: "webhook.create",
      entityType: "webhook",
      entityId: row.id,
      detail: { url: row.url, events: row.events, description: row.description },
    });
    return { ...toWebhookView(row, actor.name), secret };
  });
}
