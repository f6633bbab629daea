// POST /api/cases/{id}/tasks/apply-template — add a template's tasks the case does not have yet.
import { withActor } from "@/lib/api/handler";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { applyTemplate } from "@/lib/remediation/apply-template";
import { applyTemplateSchema } from "@/lib/remediation/schema";

export const POST = withActor(
  { params: caseIdParamsSchema, body: applyTemplateSchema },
  async ({ actor, params, body }) => applyTemplate({ actor, caseId: params.id, input: body }),
);
