import { withActor } from "@/lib/api/handler";
import { getCase } from "@/lib/cases/get-case";
import { updateCase } from "@/lib/cases/update-case";
import { caseIdParamsSchema, caseUpdateSchema } from "@/lib/cases/schema";

// GET /api/cases/{id}
export const GET = withActor({ params: caseIdParamsSchema }, async ({ actor, params }) =>
  getCase({ actor, caseId: params.id }),
);

// PATCH /api/cases/{id} — edit fields; `version` must be the one the edit was based on.
export const PATCH = withActor(
  { params: caseIdParamsSchema, body: caseUpdateSchema },
  async ({ actor, params, body }) => updateCase({ actor, caseId: params.id, input: body }),
);
