import { z } from "zod";
import { instantString, lineText, multiText } from "@/lib/remediation/fields";
import { referralDestinations, referralStatuses } from "./constants";

export const destinationSchema = z.enum(referralDestinations, {
  message: `Destination must be one of: ${referralDestinations.join(", ")}`,
});
export const referralStatusSchema = z.enum(referralStatuses, {
  message: `Status must be one of: ${referralStatuses.join(", ")}`,
});

/** The agency's own reference: one printable line (complaint id, SAR number, case number). */
export const referenceNoSchema = lineText(100).min(1, "A reference number is required");
const sha256Schema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, "A SHA-256 is 64 hexadecimal characters");

const otherNeedsName = (v: { destination?: string; destinationName?: string | null }) =>
  v.destination !== "other" || Boolean(v.destinationName?.trim());
const otherNeedsNameIssue = { message: "Name the destination when it is `other`", path: ["destinationName"] };

const referralFields = {
  destination: destinationSchema,
  destinationName: lineText(200).nullish(),
  contact: multiText(1000).nullish(),
  /** An explicit deadline wins over a computed one. */
  deadlineAt: instantString.nullish(),
  /** OFAC only: when the funds were blocked or the transaction rejected; the deadline becomes 10 US business days later. */
  blockedAt: instantString.nullish(),
  notes: multiText(20_000),
  referenceNo: referenceNoSchema.nullish(),
};

export const referralInputSchema = z
  .strictObject({ ...referralFields, notes: referralFields.notes.default("") })
  .refine(otherNeedsName, otherNeedsNameIssue)
  .refine((v) => !v.blockedAt || v.destination === "ofac_vsd", {
    message: "blockedAt applies to OFAC referrals only",
    path: ["blockedAt"],
  });
export type ReferralInput = z.input<typeof referralInputSchema>;

export const referralUpdateSchema = z
  .strictObject(referralFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" });
export type ReferralUpdate = z.input<typeof referralUpdateSchema>;

export const referralTransitionSchema = z.strictObject({
  to: referralStatusSchema,
  /** Required when moving to `submitted`, unless the referral already has one. */
  referenceNo: referenceNoSchema.optional(),
  /** When it happened (defaults to now); a plain date means the start of that day, UTC. */
  date: instantString.optional(),
});
export type ReferralTransitionInput = z.input<typeof referralTransitionSchema>;

export const disclosureInputSchema = z.strictObject({
  what: multiText(2000).min(1, "Say what was sent"),
  recipient: lineText(300).min(1, "Say to whom it was sent"),
  sentAt: instantString,
  /** Hash of what was sent; filled from the export pack when `exportId` is given. */
  sha256: sha256Schema.nullish(),
  exportId: z.uuid({ message: "Not a valid export id" }).nullish(),
  note: multiText(5000).nullish(),
});
export type DisclosureInput = z.input<typeof disclosureInputSchema>;

export const referralIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid referral id" }) });

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item));

export const referralListQuerySchema = z.strictObject({
  destination: csv(destinationSchema).optional(),
  status: csv(referralStatusSchema).optional(),
  caseId: z.uuid({ message: "Not a valid case id" }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "pageSize is at most 100").default(50),
});
export type ReferralListQuery = z.input<typeof referralListQuerySchema>;

export const referableCasesQuerySchema = z.strictObject({
  q: z.string().trim().max(200, "Search is at most 200 characters").optional(),
});
export type ReferableCasesQuery = z.input<typeof referableCasesQuerySchema>;
