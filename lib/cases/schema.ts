import { z } from "zod";
import { caseMemberRoles, caseStatuses, severities } from "./constants";

const isoDate = z.iso.date({ message: "Use a date like 2026-11-30" });
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const optionalText = (max: number) => text(max).nullish();

export const caseStatusSchema = z.enum(caseStatuses, { message: `Status must be one of: ${caseStatuses.join(", ")}` });
export const severitySchema = z.enum(severities, { message: `Severity must be one of: ${severities.join(", ")}` });
export const caseMemberRoleSchema = z.enum(caseMemberRoles, {
  message: `Role must be one of: ${caseMemberRoles.join(", ")}`,
});
export const caseTemplateIds = ["fake-remote-worker"] as const;

export const tagsSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Tags cannot be empty")
      .max(40, "Tags are at most 40 characters")
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} _:.-]*$/u, "Tags use letters, digits, spaces and - _ : ."),
  )
  .max(20, "At most 20 tags")
  .transform((tags) => [...new Set(tags)]);

/** The hire or applicant under investigation, as they presented themselves. */
export const subjectSchema = z.strictObject({
  name: optionalText(200),
  role: optionalText(200),
  team: optionalText(200),
  hiringChannel: optionalText(200),
  startDate: isoDate.nullish(),
  accessLevel: optionalText(200),
  location: optionalText(200),
  // What happened to the hire, by the dates HR and IT recorded: the case timeline reads these.
  hiredOn: isoDate.nullish(),
  deviceShippedOn: isoDate.nullish(),
  firstSignInAt: z.iso.datetime({ offset: true, message: "Use a date and time like 2026-11-30T09:15:00Z" }).nullish(),
  terminatedOn: isoDate.nullish(),
});

export const caseInputSchema = z.strictObject({
  title: text(200).min(1, "Title is required"),
  summary: text(20_000).default(""),
  severity: severitySchema.default("medium"),
  subject: subjectSchema.default({}),
  tags: tagsSchema.default([]),
  dueDate: isoDate.nullish(),
  leadId: z.uuid({ message: "Lead must be a user id" }).optional(),
  template: z.enum(caseTemplateIds, { message: `Template must be one of: ${caseTemplateIds.join(", ")}` }).optional(),
});
export type CaseInput = z.input<typeof caseInputSchema>;

export const caseUpdateSchema = caseInputSchema
  .omit({ template: true, leadId: true })
  // The create defaults are dropped: zod 4 applies defaults even inside .partial(), which made
  // an edit of one field reset summary, severity and tags.
  .extend({
    summary: text(20_000),
    severity: severitySchema,
    subject: subjectSchema,
    tags: tagsSchema,
    leadId: z.uuid({ message: "Lead must be a user id" }),
  })
  .partial()
  .extend({ version: z.int({ message: "version is required" }).positive() });
export type CaseUpdate = z.input<typeof caseUpdateSchema>;

export const transitionSchema = z.strictObject({
  to: caseStatusSchema,
  reason: text(2000).optional(),
  version: z.int().positive().optional(),
});
export type TransitionInput = z.input<typeof transitionSchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item));

export const caseSortFields = [
  "ref",
  "title",
  "status",
  "severity",
  "lead",
  "openedAt",
  "dueDate",
  "updatedAt",
] as const;

export const caseListQuerySchema = z.strictObject({
  status: csv(caseStatusSchema).optional(),
  severity: csv(severitySchema).optional(),
  lead: z.union([z.literal("me"), z.uuid()], { message: "lead is a user id or 'me'" }).optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  // Exact but ignoring case, as on the dashboard, so a chart segment lands on the same cases.
  team: z
    .string()
    .trim()
    .max(200, "Team is at most 200 characters")
    .transform((v) => v || undefined)
    .optional(),
  channel: z
    .string()
    .trim()
    .max(200, "Hiring channel is at most 200 characters")
    .transform((v) => v || undefined)
    .optional(),
  q: z.string().trim().max(200, "Search is at most 200 characters").optional(),
  openedFrom: isoDate.optional(),
  openedTo: isoDate.optional(),
  // Accepts its own output too, so a parsed query can be handed to listCases again.
  overdue: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).optional(),
  sort: z
    .string()
    .regex(
      new RegExp(`^-?(${caseSortFields.join("|")})$`),
      `sort is one of ${caseSortFields.join(", ")}, with - for descending`,
    )
    .default("-openedAt"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "pageSize is at most 100").default(25),
});
export type CaseListQuery = z.input<typeof caseListQuerySchema>;

export const caseIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid case id" }) });

export const memberInputSchema = z
  .strictObject({
    userId: z.uuid().optional(),
    email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
    role: caseMemberRoleSchema.default("investigator"),
  })
  .refine((v) => Boolean(v.userId) !== Boolean(v.email), { message: "Give either userId or email" });
export type MemberInput = z.input<typeof memberInputSchema>;

export const memberParamsSchema = caseIdParamsSchema.extend({ userId: z.uuid({ message: "Not a valid user id" }) });

export const noteInputSchema = z.strictObject({ body: text(50_000).min(1, "A note cannot be empty") });
export type NoteInput = z.input<typeof noteInputSchema>;
export const noteIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid note id" }) });

export const pageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "pageSize is at most 100").default(25),
});

/** Who legal review is asked of: one lawyer by id, or (no userId) every active legal user. */
export const legalReviewInputSchema = z.strictObject({
  userId: z.uuid({ message: "Choose a lawyer, or the legal team" }).nullish(),
  message: text(2000).default(""),
});
export type LegalReviewInput = z.input<typeof legalReviewInputSchema>;

export const accessRequestInputSchema = z.strictObject({ message: text(2000).default("") });
export type AccessRequestInput = z.input<typeof accessRequestInputSchema>;

export const accessRequestParamsSchema = caseIdParamsSchema.extend({
  requestId: z.uuid({ message: "Not a valid request id" }),
});

export const accessDecisionSchema = z.strictObject({
  decision: z.enum(["grant", "refuse"], { message: "Decision is grant or refuse" }),
  /** The role a granted requester gets; by default legal users join as legal, everyone else as investigator. */
  role: caseMemberRoleSchema.optional(),
});
export type AccessDecisionInput = z.input<typeof accessDecisionSchema>;
