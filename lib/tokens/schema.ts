import { z } from "zod";

export const tokenInputSchema = z.strictObject({
  name: z.string().trim().min(1, "Name is required").max(100),
  expiresAt: z.iso
    .datetime({ offset: true, message: "Expiry must be an ISO 8601 date-time" })
    .refine((v) => new Date(v).getTime() > Date.now(), "Expiry must be in the future")
    .optional(),
  /** Admins may create a token for another user. */
  userId: z.uuid().optional(),
});
export type TokenInput = z.input<typeof tokenInputSchema>;

export const tokenIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid id" }) });

export const tokenListQuerySchema = z.strictObject({
  all: z.enum(["true", "false"]).optional(),
});

export const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  userId: z.uuid(),
  userEmail: z.string(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TokenView = z.infer<typeof tokenSchema>;

export const createdTokenSchema = tokenSchema.extend({
  token: z.string().describe("The secret, shown once; only its hash is stored"),
});
export type CreatedToken = z.infer<typeof createdTokenSchema>;
