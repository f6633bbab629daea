// DELETE /api/webhooks/{id} — remove an endpoint and its delivery log (admins).
import { withActor } from "@/lib/api/handler";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { webhookIdParamsSchema } from "@/lib/webhooks/schema";

export const DELETE = withActor(
  { permission: "webhook:manage", params: webhookIdParamsSchema },
  async ({ actor, params }) => deleteWebhook({ actor, id: params.id }),
);
