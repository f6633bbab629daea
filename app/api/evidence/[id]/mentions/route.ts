import { withActor } from "@/lib/api/handler";
import { evidenceIdParamsSchema } from "@/lib/evidence/schema";
import { listMentions } from "@/lib/intake/list-mentions";

// GET /api/evidence/{id}/mentions — identifiers found in the item's text and who already holds them.
export const GET = withActor({ params: evidenceIdParamsSchema }, ({ actor, params }) =>
  listMentions({ actor, evidenceId: params.id }),
);
