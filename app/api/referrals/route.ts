// GET /api/referrals — referrals on every case you see; overdue first, then by deadline.
import { withActor } from "@/lib/api/handler";
import { listReferrals } from "@/lib/referrals/list-referrals";
import { referralListQuerySchema } from "@/lib/referrals/schema";

export const GET = withActor({ query: referralListQuerySchema }, async ({ actor, query }) =>
  listReferrals({ actor, query }),
);
