import { json, withActor } from "@/lib/api/handler";
import { listAccessRequests } from "@/lib/cases/list-access-requests";
import { requestAccess } from "@/lib/cases/request-access";
import { accessRequestInputSchema, caseIdParamsSchema } from "@/lib/cases/schema";

// GET /api/cases/{id}/access-requests — pending requests for access, for the lead and admins.
export const GET = withActor({ params: caseIdParamsSchema }, async ({ actor, params }) => ({
  items: await listAccessRequests({ actor, caseId: params.id }),
}));

// POST /api/cases/{id}/access-requests — ask the lead for access; the same 202 whether or not the case exists.
export const POST = withActor(
  { params: caseIdParamsSchema, body: accessRequestInputSchema, permission: "case:request_access" },
  async ({ actor, params, body }) => json(await requestAccess({ actor, caseId: params.id, input: body }), 202),
);
