import { json, withActor } from "@/lib/api/handler";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { webhookInputSchema } from "@/lib/webhooks/schema";

// GET /api/webhooks — the registered endpoints (admins).
export const GET = withActor({ permission: "webhook:manage" }, async ({ actor }) => listWebhooks({ actor }));

// POST /api/webhooks — register an endpoint; the answer carries its signing secret, this once.
export const POST = withActor({ permission: "webhook:manage", body: webhookInputSchema }, async ({ actor, body }) =>
  json(await createWebhook({ actor, input: body }), 201),
);
