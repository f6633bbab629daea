import { withActor } from "@/lib/api/handler";
import { getPersona } from "@/lib/personas/get-persona";
import { updatePersona } from "@/lib/personas/update-persona";
import { personaIdParamsSchema, personaUpdateSchema } from "@/lib/personas/schema";

// GET /api/personas/{id}
export const GET = withActor({ params: personaIdParamsSchema }, async ({ actor, params }) =>
  getPersona({ actor, personaId: params.id }),
);

// PATCH /api/personas/{id} — edit; `version` must be the one the edit was based on.
export const PATCH = withActor(
  { permission: "persona:write", params: personaIdParamsSchema, body: personaUpdateSchema },
  async ({ actor, params, body }) => updatePersona({ actor, personaId: params.id, input: body }),
);
