import { json, withActor } from "@/lib/api/handler";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { attachPersona } from "@/lib/personas/attach-persona";
import { listCasePersonas } from "@/lib/personas/list-case-personas";
import { casePersonaInputSchema } from "@/lib/personas/schema";

// GET /api/cases/{id}/personas
export const GET = withActor({ params: caseIdParamsSchema }, async ({ actor, params }) => ({
  items: await listCasePersonas({ actor, caseId: params.id }),
}));

// POST /api/cases/{id}/personas — attach a persona, or create one in the case.
export const POST = withActor(
  { params: caseIdParamsSchema, body: casePersonaInputSchema },
  async ({ actor, params, body }) => json(await attachPersona({ actor, caseId: params.id, input: body }), 201),
);
