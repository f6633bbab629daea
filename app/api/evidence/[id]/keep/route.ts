import { withActor } from "@/lib/api/handler";
import { clientIp } from "@/lib/evidence/access";
import { keepDuplicate } from "@/lib/evidence/keep-duplicate";
import { evidenceIdParamsSchema, reasonSchema } from "@/lib/evidence/schema";

// POST /api/evidence/{id}/keep — keep an upload identical to another exhibit of its case, with a reason.
export const POST = withActor(
  { params: evidenceIdParamsSchema, body: reasonSchema },
  async ({ actor, params, body, request }) =>
    keepDuplicate({ actor, evidenceId: params.id, input: body, ip: clientIp(request) }),
);
