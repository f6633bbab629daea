// DELETE /api/personas/{id}/red-flags/{code}?reason=… — a flag the system raised needs the reason.
import { withActor } from "@/lib/api/handler";
import { removeRedFlag } from "@/lib/personas/remove-red-flag";
import { redFlagParamsSchema, redFlagRemovalSchema } from "@/lib/personas/schema";

export const DELETE = withActor(
  { params: redFlagParamsSchema, query: redFlagRemovalSchema },
  async ({ actor, params, query }) => removeRedFlag({ actor, personaId: params.id, code: params.code, input: query }),
);
