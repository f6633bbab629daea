// DELETE /api/personas/{id}/identifiers/{identifierId}
import { withActor } from "@/lib/api/handler";
import { removeIdentifier } from "@/lib/personas/remove-identifier";
import { personaIdentifierParamsSchema } from "@/lib/personas/schema";

export const DELETE = withActor({ params: personaIdentifierParamsSchema }, async ({ actor, params }) => {
  await removeIdentifier({ actor, personaId: params.id, identifierId: params.identifierId });
  return new Response(null, { status: 204 });
});
