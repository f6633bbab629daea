// POST /api/webhooks/{id}/deliveries/{deliveryId}/resend — send a delivery's payload again (admins).
import { json, withActor } from "@/lib/api/handler";
import { resendDelivery } from "@/lib/webhooks/resend-delivery";
import { deliveryIdParamsSchema } from "@/lib/webhooks/schema";

export const POST = withActor(
  { permission: "webhook:manage", params: deliveryIdParamsSchema },
  async ({ actor, params }) =>
    json(await resendDelivery({ actor, webhookId: params.id, deliveryId: params.deliveryId }), 202),
);
