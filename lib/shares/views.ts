import { z } from "zod";

export const shareStatuses = ["active", "expired", "revoked", "exhausted", "locked"] as const;
export type ShareStatus = (typeof shareStatuses)[number];

const person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const shareSchema = z.object({
  id: z.uuid(),
  exportId: z.uuid(),
  recipient: z.string(),
  email: z.string().nullable(),
  referralId: z.uuid().nullable(),
  expiresAt: z.iso.datetime(),
  maxDownloads: z.int().nullable(),
  downloads: z.int(),
  lastDownloadAt: z.iso.datetime().nullable(),
  hasCode: z.boolean(),
  status: z.enum(shareStatuses),
  createdBy: person.nullable(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ShareView = z.infer<typeof shareSchema>;

export const createdShareSchema = shareSchema.extend({
  /** The link to send the recipient: in this answer only (only its hash is kept). */
  url: z.url(),
  /** The one-time code to send by another channel, when asked for: in this answer only. */
  code: z.string().nullable(),
});
export type CreatedShare = z.infer<typeof createdShareSchema>;

export const shareListSchema = z.object({ items: z.array(shareSchema) });
