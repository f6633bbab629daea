import { withActor } from "@/lib/api/handler";
import { listReferralQueue } from "@/lib/referrals/list-referral-queue";

// GET /api/referrals/queue — cases awaiting referral work: legal review asked for, no referral or only drafts.
export const GET = withActor({ permission: "referral:work" }, async ({ actor }) => listReferralQueue({ actor }));
