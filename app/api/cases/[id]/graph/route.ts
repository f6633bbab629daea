// GET /api/cases/{id}/graph — the case's personas and one hop beyond.
import { withActor } from "@/lib/api/handler";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { caseGraph } from "@/lib/graph/graph";

export const GET = withActor({ params: caseIdParamsSchema }, async ({ actor, params }) =>
  caseGraph({ actor, caseId: params.id }),
);
