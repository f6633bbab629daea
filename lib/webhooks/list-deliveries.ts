import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import type { DeliveryView } from "./schema";
import { toDeliveryView } from "./views";

/** The newest 100 deliveries to one endpoint. */
export async function listDeliveries({ actor, webhookId }: { actor: Actor; webhookId: string }): Promise<{
  items: DeliveryView[];
}> {
  authorize(actor, "webhook:manage");
  const [hook] = await db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.id, webhookId));
  if (!hook) throw AppError.notFound("Webhook");
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(100);
  return { items: rows.map(toDeliveryView) };
}
