// POST /api/personas/{id}/candidates/{otherId}/decision — confirm or reject a possible match.
import { json, withActor } from "@/lib/api/handler";
import { candidateDecisionSchema, candidateParamsSchema } from "@/lib/personas/candidate-views";
import { decideCandidate } from "@/lib/personas/decide-candidate";

export const POST = withActor(
  { permission: "persona:write", params: candidateParamsSchema, body: candidateDecisionSchema },
  async ({ actor, params, body }) =>
    json(await decideCandidate({ actor, personaId: params.id, otherId: params.otherId, input: body }), 201),
);
