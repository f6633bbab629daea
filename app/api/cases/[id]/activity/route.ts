// GET /api/cases/{id}/activity — the case's timeline from the audit log, newest first.
import { withActor } from "@/lib/api/handler";
import { listActivity } from "@/lib/cases/list-activity";
import { caseIdParamsSchema, pageQuerySchema } from "@/lib/cases/schema";

export const GET = withActor({ params: caseIdParamsSchema, query: pageQuerySchema }, async ({ actor, params, query }) =>
  listActivity({ actor, caseId: params.id, page: query }),
);
