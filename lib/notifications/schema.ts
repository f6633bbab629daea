import { z } from "zod";
import { emailModes, notificationEvents } from "./constants";

export const notificationSchema = z.object({
  id: z.uuid(),
  event: z.enum(notificationEvents),
  title: z.string(),
  url: z.string().describe("A path in the app"),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const inboxSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.int().describe("Unread notifications in all (not only those listed)"),
});
export type Inbox = z.infer<typeof inboxSchema>;

export const inboxQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true: only unread ones"),
});

export const notificationIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid notification id" }) });

export const markReadSchema = z.strictObject({
  ids: z.array(z.uuid()).max(500).optional().describe("Which to mark read; leave out to mark all read"),
});
export type MarkReadInput = z.input<typeof markReadSchema>;

export const preferenceSchema = z.object({
  event: z.enum(notificationEvents),
  inApp: z.boolean(),
  email: z.enum(emailModes).describe("immediate: one e-mail each; daily: in one digest a day; off"),
});
export type PreferenceView = z.infer<typeof preferenceSchema>;

export const preferencesSchema = z.object({
  items: z.array(preferenceSchema),
  emailAvailable: z.boolean().describe("False when the server has no SMTP_URL: no e-mail is sent"),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const preferencesInputSchema = z.strictObject({
  items: z
    .array(z.strictObject({ event: z.enum(notificationEvents), inApp: z.boolean(), email: z.enum(emailModes) }))
    .min(1)
    .max(notificationEvents.length),
});
export type PreferencesInput = z.input<typeof preferencesInputSchema>;
