// DELETE /api/personas/{id}/sanctions/dismissals/{dismissalId} — open a dismissed hit again.
import { withActor } from "@/lib/api/handler";
import { reopenHit } from "@/lib/sanctions/reopen-hit";
import { dismissalParamsSchema } from "@/lib/sanctions/views";

export const DELETE = withActor({ params: dismissalParamsSchema }, async ({ actor, params }) =>
  reopenHit({ actor, personaId: params.id, dismissalId: params.dismissalId }),
);
