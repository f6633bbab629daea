import { z } from "zod";
import { linkRelationSchema, personaIdParamsSchema } from "./schema";

// The shapes of possible matches (candidates) and of a decision on one: no server code here.

export const candidateReasonSchema = z.object({
  kind: z.enum([
    "name",
    "alias",
    "email_key",
    "phone",
    "shared_identifier",
    "resume_text",
    "photo",
    "employer",
    "education",
    "common_match",
  ]),
  detail: z.string(),
  weight: z.number().describe("This reason's share of the evidence, 0 to 1"),
  evidenceIds: z
    .array(z.uuid())
    .optional()
    .describe("The items behind the reason; for a résumé or photo, the persona's item first, the candidate's second"),
  mine: z.string().optional().describe("What matched, as the persona asked about holds it"),
  theirs: z.string().optional().describe("What matched, as the candidate holds it"),
  via: z.uuid().optional().describe("For a common match: the persona both are likely matches of"),
});
export type CandidateReason = z.infer<typeof candidateReasonSchema>;

export const candidateSchema = z.object({
  persona: z.object({ id: z.uuid(), displayName: z.string() }),
  score: z.int().min(0).max(100),
  reasons: z.array(candidateReasonSchema),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidateListSchema = z.object({
  items: z.array(candidateSchema),
  hiddenCount: z.int().describe("Candidates in cases the reader may not see: a count, nothing else"),
});
export type CandidateList = z.infer<typeof candidateListSchema>;

export const candidateDecisionSchema = z.strictObject({
  decision: z.enum(["confirm", "reject"], { message: "Decision must be confirm or reject" }),
  relation: linkRelationSchema.default("same_person"),
  rationale: z.string().trim().min(1, "Say why").max(5000, "At most 5000 characters"),
});
export type CandidateDecision = z.input<typeof candidateDecisionSchema>;

export const candidateParamsSchema = personaIdParamsSchema.extend({
  otherId: z.uuid({ message: "Not a valid persona id" }),
});

const pairSide = z.object({ id: z.uuid(), displayName: z.string() });

export const reviewPairSchema = z.object({
  left: pairSide.describe("The persona the reasons call mine"),
  right: pairSide.describe("The persona the reasons call theirs"),
  score: z.int().min(0).max(100),
  reasons: z.array(candidateReasonSchema),
});
export type ReviewPair = z.infer<typeof reviewPairSchema>;

export const reviewQueueSchema = z.object({
  items: z.array(reviewPairSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

export const reviewQueueQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1, "Pages start at 1").max(100_000).default(1),
});
