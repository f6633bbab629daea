// DELETE /api/cases/{id}/personas/{personaId} — detach; the persona itself stays.
import { withActor } from "@/lib/api/handler";
import { detachPersona } from "@/lib/personas/detach-persona";
import { casePersonaParamsSchema } from "@/lib/personas/schema";

export const DELETE = withActor({ params: casePersonaParamsSchema }, async ({ actor, params }) => {
  await detachPersona({ actor, caseId: params.id, personaId: params.personaId });
  return new Response(null, { status: 204 });
});
