import { withActor } from "@/lib/api/handler";
import { deleteLink } from "@/lib/personas/delete-link";
import { updateLink } from "@/lib/personas/update-link";
import { linkIdParamsSchema, linkUpdateSchema } from "@/lib/personas/schema";

// PATCH /api/persona-links/{id}
export const PATCH = withActor(
  { permission: "persona:write", params: linkIdParamsSchema, body: linkUpdateSchema },
  async ({ actor, params, body }) => updateLink({ actor, linkId: params.id, input: body }),
);

// DELETE /api/persona-links/{id}
export const DELETE = withActor({ params: linkIdParamsSchema }, async ({ actor, params }) => {
  await deleteLink({ actor, linkId: params.id });
  return new Response(null, { status: 204 });
});
