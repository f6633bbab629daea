import { json, withActor } from "@/lib/api/handler";
import { addMember } from "@/lib/cases/add-member";
import { listMembers } from "@/lib/cases/list-members";
import { caseIdParamsSchema, memberInputSchema } from "@/lib/cases/schema";

// GET /api/cases/{id}/members
export const GET = withActor({ params: caseIdParamsSchema }, async ({ actor, params }) => ({
  items: await listMembers({ actor, caseId: params.id }),
}));

// POST /api/cases/{id}/members — give a user access with a role in the case.
export const POST = withActor(
  { params: caseIdParamsSchema, body: memberInputSchema },
  async ({ actor, params, body }) => json(await addMember({ actor, caseId: params.id, input: body }), 201),
);
