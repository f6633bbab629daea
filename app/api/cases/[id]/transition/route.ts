// POST /api/cases/{id}/transition — move the case through its workflow.
import { withActor } from "@/lib/api/handler";
import { transitionCase } from "@/lib/cases/transition-case";
import { caseIdParamsSchema, transitionSchema } from "@/lib/cases/schema";

export const POST = withActor({ params: caseIdParamsSchema, body: transitionSchema }, async ({ actor, params, body }) =>
  transitionCase({ actor, caseId: params.id, input: body }),
);
