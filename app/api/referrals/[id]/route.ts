import { withActor } from "@/lib/api/handler";
import { getReferral } from "@/lib/referrals/get-referral";
import { updateReferral } from "@/lib/referrals/update-referral";
import { referralIdParamsSchema, referralUpdateSchema } from "@/lib/referrals/schema";

// GET /api/referrals/{id} — one referral.
export const GET = withActor({ params: referralIdParamsSchema }, async ({ actor, params }) =>
  getReferral({ actor, referralId: params.id }),
);

// PATCH /api/referrals/{id} — edit the referral's details.
export const PATCH = withActor(
  { params: referralIdParamsSchema, body: referralUpdateSchema },
  async ({ actor, params, body }) => updateReferral({ actor, referralId: params.id, input: body }),
);
