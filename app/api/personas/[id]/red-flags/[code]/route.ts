// DELETE /api/personas/{id}/red-flags/{code}
import { withActor } from "@/lib/api/handler";
import { removeRedFlag } from "@/lib/personas/remove-red-flag";
import { redFlagParamsSchema } from "@/lib/personas/schema";

export const DELETE = withActor({ params: redFlagParamsSchema }, async ({ actor, params }) =>
  removeRedFlag({ actor, personaId: params.id, code: params.code }),
);
