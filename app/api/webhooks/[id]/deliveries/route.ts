// GET /api/webhooks/{id}/deliveries — the endpoint's newest deliveries with their outcome (admins).
import { withActor } from "@/lib/api/handler";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { webhookIdParamsSchema } from "@/lib/webhooks/schema";

export const GET = withActor(
  { permission: "webhook:manage", params: webhookIdParamsSchema },
  async ({ actor, params }) => listDeliveries({ actor, webhookId: params.id }),
);
