import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import {
  createdWebhookSchema,
  deliveryIdParamsSchema,
  deliveryListSchema,
  deliverySchema,
  webhookIdParamsSchema,
  webhookInputSchema,
  webhookListSchema,
} from "./schema";

const tag = "Webhooks";

export const webhookOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/webhooks",
    summary: "The registered webhook endpoints (admins)",
    tag,
    responses: { 200: { description: "Endpoints", schema: webhookListSchema } },
  },
  {
    method: "post",
    path: "/api/webhooks",
    summary:
      'Register an endpoint for some events or "*" (admins). Its address must resolve to public addresses only unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=true. The answer carries the signing secret, shown this once',
    tag,
    body: webhookInputSchema,
    responses: { 201: { description: "The endpoint with its secret", schema: createdWebhookSchema } },
  },
  {
    method: "delete",
    path: "/api/webhooks/{id}",
    summary: "Remove an endpoint and its delivery log (admins)",
    tag,
    params: webhookIdParamsSchema,
    responses: { 200: { description: "Deleted", schema: z.object({ deleted: z.literal(true) }) } },
  },
  {
    method: "get",
    path: "/api/webhooks/{id}/deliveries",
    summary: "The endpoint's newest 100 deliveries: event, status, attempts, last answer, next attempt, payload",
    tag,
    params: webhookIdParamsSchema,
    responses: { 200: { description: "Deliveries", schema: deliveryListSchema } },
  },
  {
    method: "post",
    path: "/api/webhooks/{id}/deliveries/{deliveryId}/resend",
    summary: "Send a delivery's payload again, as a new delivery with its own id (admins)",
    tag,
    params: deliveryIdParamsSchema,
    responses: { 202: { description: "The new delivery, queued", schema: deliverySchema } },
  },
];
