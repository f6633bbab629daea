import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { webhookDeliveries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { enqueueDelivery } from "@/lib/notifications/notify";
import type { DeliveryView } from "./schema";
import { toDeliveryView } from "./views";

/** Sends a delivery's payload again as a new delivery (a new X-Casework-Delivery id). */
export async function resendDelivery({
  actor,
  webhookId,
  deliveryId,
}: {
  actor: Actor;
  webhookId: string;
  deliveryId: string;
}): Promise<DeliveryView> {
  authorize(actor, "webhook:manage");
  return db.transaction(async (tx) => {
    const [original] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.webhookId, webhookId)));
    if (!original) throw AppError.notFound("Delivery");
    const [copy] = await tx
      .insert(webhookDeliveries)
      .values({ webhookId, event: original.event, payload: original.payload, resendOf: original.id })
      .returning();
    if (!copy) throw new Error("delivery insert returned nothing");
    await enqueueDelivery(tx, copy.id, 1, new Date());
    await recordAudit(tx, {
      actor,
      action: "webhook.resend",
      entityType: "webhook",
      entityId: webhookId,
      detail: { deliveryId: copy.id, resendOf: original.id, event: original.event },
    });
    return toDeliveryView(copy);
  });
}
