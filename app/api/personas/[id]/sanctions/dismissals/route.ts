// POST /api/personas/{id}/sanctions/dismissals — mark a hit a false positive, with the reason.
import { json, withActor } from "@/lib/api/handler";
import { personaIdParamsSchema } from "@/lib/personas/schema";
import { dismissHit } from "@/lib/sanctions/dismiss-hit";
import { dismissHitSchema } from "@/lib/sanctions/views";

export const POST = withActor(
  { params: personaIdParamsSchema, body: dismissHitSchema },
  async ({ actor, params, body }) => json(await dismissHit({ actor, personaId: params.id, input: body }), 201),
);
