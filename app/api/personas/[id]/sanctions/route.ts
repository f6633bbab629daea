import { withActor } from "@/lib/api/handler";
import { personaIdParamsSchema } from "@/lib/personas/schema";
import { screenPersona } from "@/lib/sanctions/screen-persona";

// GET /api/personas/{id}/sanctions — the persona's hits on the current list versions.
export const GET = withActor({ params: personaIdParamsSchema }, async ({ actor, params }) =>
  screenPersona({ actor, personaId: params.id }),
);
