import { z } from "zod";
import { accessRequestKinds, accessRequestStatuses } from "./constants";
import { caseMemberRoleSchema, caseStatusSchema, severitySchema } from "./schema";

const person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const caseSummarySchema = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  status: caseStatusSchema,
  severity: severitySchema,
  lead: person.nullable(),
  subjectName: z.string().nullable(),
  tags: z.array(z.string()),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  openedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListSchema = z.object({
  items: z.array(caseSummarySchema),
  total: z.int().describe("Matching cases, counted up to 5,000"),
  totalCapped: z.boolean().describe("True when more cases match than `total` (counting stops at 5,000)"),
  page: z.int(),
  pageSize: z.int(),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const caseMemberSchema = person.extend({ role: caseMemberRoleSchema, addedAt: z.iso.datetime() });
export type CaseMemberView = z.infer<typeof caseMemberSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  summary: z.string(),
  subject: z.object({
    name: z.string().nullable(),
    role: z.string().nullable(),
    team: z.string().nullable(),
    hiringChannel: z.string().nullable(),
    startDate: z.string().nullable(),
    accessLevel: z.string().nullable(),
    location: z.string().nullable(),
    hiredOn: z.string().nullable(),
    deviceShippedOn: z.string().nullable(),
    firstSignInAt: z.iso.datetime().nullable(),
    terminatedOn: z.string().nullable(),
  }),
  members: z.array(caseMemberSchema),
  containedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  closingReason: z.string().nullable(),
  version: z.int(),
  allowedTransitions: z.array(caseStatusSchema),
  permissions: z.object({
    update: z.boolean(),
    transition: z.boolean(),
    manageMembers: z.boolean(),
    addNote: z.boolean(),
  }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const noteSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  body: z.string(),
  author: person.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  edited: z.boolean(),
  canEdit: z.boolean(),
});
export type NoteView = z.infer<typeof noteSchema>;

export const activitySchema = z.object({
  seq: z.int(),
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type ActivityView = z.infer<typeof activitySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.int(), page: z.int(), pageSize: z.int() });

export const accessRequestSchema = z.object({
  id: z.uuid(),
  kind: z.enum(accessRequestKinds),
  status: z.enum(accessRequestStatuses),
  user: person.extend({ role: z.string() }).describe("Who is to get access"),
  requestedBy: person.nullable(),
  message: z.string(),
  createdAt: z.iso.datetime(),
  decidedBy: person.nullable(),
  decidedAt: z.iso.datetime().nullable(),
});
export type AccessRequestView = z.infer<typeof accessRequestSchema>;

export const legalReviewResultSchema = z.object({
  members: z.array(caseMemberSchema).describe("The lawyers, now members of the case"),
  requests: z.array(accessRequestSchema),
});
export type LegalReviewResult = z.infer<typeof legalReviewResultSchema>;

/** The one answer to a request for access, whether or not the case exists. */
export const accessRequestAnswerSchema = z.object({ message: z.string() });
