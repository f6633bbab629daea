import { json, withActor } from "@/lib/api/handler";
import { createDisclosure } from "@/lib/referrals/create-disclosure";
import { listDisclosures } from "@/lib/referrals/list-disclosures";
import { disclosureInputSchema, referralIdParamsSchema } from "@/lib/referrals/schema";

// The disclosure log is append-only: this route has GET and POST and deliberately nothing else.

// GET /api/referrals/{id}/disclosures — the log, oldest first.
export const GET = withActor({ params: referralIdParamsSchema }, async ({ actor, params }) =>
  listDisclosures({ actor, referralId: params.id }),
);

// POST /api/referrals/{id}/disclosures — log what was sent, to whom, when, with its SHA-256.
export const POST = withActor(
  { params: referralIdParamsSchema, body: disclosureInputSchema },
  async ({ actor, params, body }) => json(await createDisclosure({ actor, referralId: params.id, input: body }), 201),
);
