// GET /api/personas/{id}/graph?depth=1..3
import { withActor } from "@/lib/api/handler";
import { personaGraph } from "@/lib/graph/graph";
import { graphQuerySchema } from "@/lib/graph/schema";
import { personaIdParamsSchema } from "@/lib/personas/schema";

export const GET = withActor(
  { params: personaIdParamsSchema, query: graphQuerySchema },
  async ({ actor, params, query }) => personaGraph({ actor, personaId: params.id, query }),
);
