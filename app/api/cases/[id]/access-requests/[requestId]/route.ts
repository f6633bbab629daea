import { withActor } from "@/lib/api/handler";
import { decideAccessRequest } from "@/lib/cases/decide-access-request";
import { accessDecisionSchema, accessRequestParamsSchema } from "@/lib/cases/schema";

// PATCH /api/cases/{id}/access-requests/{requestId} — the lead grants (adds as a member) or refuses.
export const PATCH = withActor(
  { params: accessRequestParamsSchema, body: accessDecisionSchema },
  async ({ actor, params, body }) =>
    decideAccessRequest({ actor, caseId: params.id, requestId: params.requestId, input: body }),
);
