import { withActor } from "@/lib/api/handler";
import { taskIdParamsSchema, taskUpdateSchema } from "@/lib/remediation/schema";
import { deleteTask } from "@/lib/remediation/delete-task";
import { updateTask } from "@/lib/remediation/update-task";

// PATCH /api/tasks/{id} — change a task; not_applicable needs its reason in completionNote.
export const PATCH = withActor(
  { params: taskIdParamsSchema, body: taskUpdateSchema },
  async ({ actor, params, body }) => updateTask({ actor, taskId: params.id, input: body }),
);

// DELETE /api/tasks/{id} — remove a task.
export const DELETE = withActor({ params: taskIdParamsSchema }, async ({ actor, params }) => {
  await deleteTask({ actor, taskId: params.id });
  return new Response(null, { status: 204 });
});
