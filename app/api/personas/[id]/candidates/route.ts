// GET /api/personas/{id}/candidates — possible matches, scored and explained (hidden ones counted only).
import { withActor } from "@/lib/api/handler";
import { listCandidates } from "@/lib/personas/candidates";
import { personaIdParamsSchema } from "@/lib/personas/schema";

export const GET = withActor({ params: personaIdParamsSchema }, async ({ actor, params }) =>
  listCandidates({ actor, personaId: params.id }),
);
