import { withActor } from "@/lib/api/handler";
import { clientIp } from "@/lib/evidence/access";
import { placeHold } from "@/lib/evidence/place-hold";
import { releaseHold } from "@/lib/evidence/release-hold";
import { evidenceIdParamsSchema, reasonSchema } from "@/lib/evidence/schema";

// POST /api/evidence/{id}/hold — place a legal hold with a reason.
export const POST = withActor(
  { params: evidenceIdParamsSchema, body: reasonSchema },
  async ({ actor, params, body, request }) =>
    placeHold({ actor, evidenceId: params.id, input: body, ip: clientIp(request) }),
);

// DELETE /api/evidence/{id}/hold — release the hold, with a reason.
export const DELETE = withActor(
  { params: evidenceIdParamsSchema, body: reasonSchema },
  async ({ actor, params, body, request }) =>
    releaseHold({ actor, evidenceId: params.id, input: body, ip: clientIp(request) }),
);
