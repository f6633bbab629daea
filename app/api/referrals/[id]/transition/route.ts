// POST /api/referrals/{id}/transition — { to, referenceNo?, date? }; submitting needs the reference number.
import { withActor } from "@/lib/api/handler";
import { referralIdParamsSchema, referralTransitionSchema } from "@/lib/referrals/schema";
import { transitionReferral } from "@/lib/referrals/transition-referral";

export const POST = withActor(
  { params: referralIdParamsSchema, body: referralTransitionSchema },
  async ({ actor, params, body }) => transitionReferral({ actor, referralId: params.id, input: body }),
);
