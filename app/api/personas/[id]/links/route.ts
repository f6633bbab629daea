// GET /api/personas/{id}/links — explicit links and suggestions from shared identifiers.
import { withActor } from "@/lib/api/handler";
import { personaIdParamsSchema } from "@/lib/personas/schema";
import { listPersonaLinks } from "@/lib/personas/list-persona-links";

export const GET = withActor({ params: personaIdParamsSchema }, async ({ actor, params }) =>
  listPersonaLinks({ actor, personaId: params.id }),
);
