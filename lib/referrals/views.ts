import { z } from "zod";
import { person } from "@/lib/remediation/fields";
import { caseStatusSchema, severitySchema } from "@/lib/cases/schema";
import { destinationSchema, referralStatusSchema } from "./schema";

export const referralSchema = z.object({
  id: z.uuid(),
  case: z.object({ id: z.uuid(), ref: z.string(), title: z.string() }),
  destination: destinationSchema,
  destinationName: z.string().nullable(),
  /** The destination as people read it (the given name for `other`). */
  destinationLabel: z.string(),
  status: referralStatusSchema,
  referenceNo: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  contact: z.string().nullable(),
  deadlineAt: z.iso.datetime().nullable(),
  /** Still open (draft, submitted or acknowledged) and past its deadline. */
  overdue: z.boolean(),
  notes: z.string(),
  createdBy: person.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  disclosureCount: z.int(),
  allowedTransitions: z.array(referralStatusSchema),
  permissions: z.object({ manage: z.boolean() }),
});
export type ReferralView = z.infer<typeof referralSchema>;

export const caseReferralsSchema = z.object({
  items: z.array(referralSchema),
  permissions: z.object({ manage: z.boolean() }),
});
export type CaseReferralsView = z.infer<typeof caseReferralsSchema>;

export const referralListSchema = z.object({
  items: z.array(referralSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type ReferralListView = z.infer<typeof referralListSchema>;

export const disclosureSchema = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  what: z.string(),
  recipient: z.string(),
  sentAt: z.iso.datetime(),
  sentBy: person.nullable(),
  sha256: z.string().nullable(),
  exportId: z.uuid().nullable(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type DisclosureView = z.infer<typeof disclosureSchema>;

export const disclosureListSchema = z.object({
  items: z.array(disclosureSchema),
  permissions: z.object({ add: z.boolean() }),
});
export type DisclosureListView = z.infer<typeof disclosureListSchema>;

/** A case on legal's queue: legal review was asked for, and it has no referral yet or one still in draft. */
export const referralQueueItemSchema = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  status: caseStatusSchema,
  severity: severitySchema,
  requestedAt: z.iso.datetime().describe("When legal review was last asked for"),
  requestedBy: z.string().nullable(),
  draftReferrals: z.int(),
});
export type ReferralQueueItem = z.infer<typeof referralQueueItemSchema>;
export const referralQueueSchema = z.object({ items: z.array(referralQueueItemSchema) });
export type ReferralQueueView = z.infer<typeof referralQueueSchema>;

/** A case the actor may draft a referral on, for the Referrals page's case picker. */
export const referableCaseSchema = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  status: caseStatusSchema,
});
export type ReferableCase = z.infer<typeof referableCaseSchema>;
export const referableCasesSchema = z.object({ items: z.array(referableCaseSchema) });
