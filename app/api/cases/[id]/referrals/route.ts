import { json, withActor } from "@/lib/api/handler";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { createReferral } from "@/lib/referrals/create-referral";
import { listCaseReferrals } from "@/lib/referrals/list-case-referrals";
import { referralInputSchema } from "@/lib/referrals/schema";

// GET /api/cases/{id}/referrals — referrals of the case.
export const GET = withActor({ params: caseIdParamsSchema }, async ({ actor, params }) =>
  listCaseReferrals({ actor, caseId: params.id }),
);

// POST /api/cases/{id}/referrals — draft a referral.
export const POST = withActor(
  { params: caseIdParamsSchema, body: referralInputSchema },
  async ({ actor, params, body }) => json(await createReferral({ actor, caseId: params.id, input: body }), 201),
);
