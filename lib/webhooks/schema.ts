import { z } from "zod";
import { notificationEvents, webhookDeliveryStatuses } from "@/lib/notifications/constants";

export const webhookEventSchema = z.enum(["*", ...notificationEvents], {
  message: `An event is "*" or one of ${notificationEvents.join(", ")}`,
});

export const webhookInputSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, message: "Give an http:// or https:// address" })
    .max(2000, "An address is at most 2000 characters"),
  events: z
    .array(webhookEventSchema)
    .min(1, 'Name at least one event, or "*" for all')
    .max(notificationEvents.length + 1)
    .transform((events) => (events.includes("*") ? (["*"] as typeof events) : [...new Set(events)])),
  description: z.string().trim().max(200, "A description is at most 200 characters").default(""),
});
export type WebhookInput = z.input<typeof webhookInputSchema>;

export const webhookIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid webhook id" }) });
export const deliveryIdParamsSchema = webhookIdParamsSchema.extend({
  deliveryId: z.uuid({ message: "Not a valid delivery id" }),
});

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
});
export type WebhookView = z.infer<typeof webhookSchema>;

export const createdWebhookSchema = webhookSchema.extend({
  secret: z.string().describe("The signing secret, shown this once: keep it where the receiver checks signatures"),
});
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;

export const webhookListSchema = z.object({ items: z.array(webhookSchema) });

export const deliverySchema = z.object({
  id: z.uuid().describe("The X-Casework-Delivery header"),
  event: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.int(),
  responseCode: z.int().nullable(),
  error: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  resendOf: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  payload: z.record(z.string(), z.unknown()),
});
export type DeliveryView = z.infer<typeof deliverySchema>;
export const deliveryListSchema = z.object({ items: z.array(deliverySchema) });
