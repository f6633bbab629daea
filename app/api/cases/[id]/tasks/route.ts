import { json, withActor } from "@/lib/api/handler";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { taskInputSchema } from "@/lib/remediation/schema";
import { createTask } from "@/lib/remediation/create-task";
import { listCaseTasks } from "@/lib/remediation/list-case-tasks";

// GET /api/cases/{id}/tasks — tasks in order, with progress.
export const GET = withActor({ params: caseIdParamsSchema }, async ({ actor, params }) =>
  listCaseTasks({ actor, caseId: params.id }),
);

// POST /api/cases/{id}/tasks — add a task; a past due date is flagged with dueInPast.
export const POST = withActor({ params: caseIdParamsSchema, body: taskInputSchema }, async ({ actor, params, body }) =>
  json(await createTask({ actor, caseId: params.id, input: body }), 201),
);
