import { withActor } from "@/lib/api/handler";
import { listReferableCases } from "@/lib/referrals/list-referable-cases";
import { referableCasesQuerySchema } from "@/lib/referrals/schema";

// GET /api/referrals/referable-cases — the cases you may draft a referral on, for the Referrals page's picker.
export const GET = withActor(
  { query: referableCasesQuerySchema, permission: "referral:work" },
  async ({ actor, query }) => listReferableCases({ actor, query }),
);
