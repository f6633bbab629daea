// DELETE /api/views/{id} — delete one of your own saved views.
import { withActor } from "@/lib/api/handler";
import { deleteSavedView } from "@/lib/saved-views/delete-saved-view";
import { savedViewIdParamsSchema } from "@/lib/saved-views/schema";

export const DELETE = withActor({ params: savedViewIdParamsSchema }, async ({ actor, params }) => {
  await deleteSavedView({ actor, viewId: params.id });
  return { deleted: true };
});
