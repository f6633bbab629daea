import { z } from "zod";
import { instantString, lineText } from "@/lib/remediation/fields";
import { emailSchema } from "@/lib/users/schema";

/** The longest a link may live: a pack handed to counsel or an agency is fetched within weeks. */
export const MAX_SHARE_DAYS = 90;

export const shareInputSchema = z.strictObject({
  /** Who the link is for, as the disclosure log will name them ("Det. Jane Roe, FBI Boston"). */
  recipient: lineText(300).min(1, "Name the recipient"),
  email: emailSchema.nullish(),
  /** When the link stops working; a plain date means the end of that day (UTC). */
  expiresAt: instantString,
  maxDownloads: z.int().min(1, "At least one download").max(100, "At most 100 downloads").nullish(),
  /** A one-time code the recipient must also enter, shown once to send by another channel. */
  withCode: z.boolean().default(false),
  /** The referral whose disclosure log records each download (a referral of the pack's case). */
  referralId: z.uuid({ message: "Not a valid referral id" }).nullish(),
});
export type ShareInput = z.input<typeof shareInputSchema>;

export const shareParamsSchema = z.object({
  id: z.uuid({ message: "Not a valid export id" }),
  shareId: z.uuid({ message: "Not a valid share id" }),
});

/** The public page's token: 43 base64url characters (256 bits); anything else is simply unknown. */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
