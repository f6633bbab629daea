// POST /api/personas/{id}/identifiers — add an identifier; answers it with every other holder.
import { json, withActor } from "@/lib/api/handler";
import { addIdentifier } from "@/lib/personas/add-identifier";
import { identifierInputSchema, personaIdParamsSchema } from "@/lib/personas/schema";

export const POST = withActor(
  { permission: "persona:write", params: personaIdParamsSchema, body: identifierInputSchema },
  async ({ actor, params, body }) => json(await addIdentifier({ actor, personaId: params.id, input: body }), 201),
);
