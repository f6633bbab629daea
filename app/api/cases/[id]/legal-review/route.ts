import { json, withActor } from "@/lib/api/handler";
import { requestLegalReview } from "@/lib/cases/request-legal-review";
import { caseIdParamsSchema, legalReviewInputSchema } from "@/lib/cases/schema";

// POST /api/cases/{id}/legal-review — make one lawyer or the legal team members and put the case on legal's queue.
export const POST = withActor(
  { params: caseIdParamsSchema, body: legalReviewInputSchema },
  async ({ actor, params, body }) => json(await requestLegalReview({ actor, caseId: params.id, input: body }), 201),
);
