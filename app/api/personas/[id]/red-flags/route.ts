// POST /api/personas/{id}/red-flags — record a red flag; the risk score follows.
import { json, withActor } from "@/lib/api/handler";
import { addRedFlag } from "@/lib/personas/add-red-flag";
import { personaIdParamsSchema, redFlagInputSchema } from "@/lib/personas/schema";

export const POST = withActor(
  { permission: "persona:write", params: personaIdParamsSchema, body: redFlagInputSchema },
  async ({ actor, params, body }) => json(await addRedFlag({ actor, personaId: params.id, input: body }), 201),
);
