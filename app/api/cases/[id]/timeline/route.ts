// GET /api/cases/{id}/timeline — what happened in the case by the events' own dates, oldest first.
import { withActor } from "@/lib/api/handler";
import { getCaseTimeline } from "@/lib/cases/get-case-timeline";
import { caseIdParamsSchema } from "@/lib/cases/schema";

export const GET = withActor({ params: caseIdParamsSchema }, async ({ actor, params }) =>
  getCaseTimeline({ actor, caseId: params.id }),
);
