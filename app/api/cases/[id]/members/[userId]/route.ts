// DELETE /api/cases/{id}/members/{userId} — take a member's access away.
import { withActor } from "@/lib/api/handler";
import { removeMember } from "@/lib/cases/remove-member";
import { memberParamsSchema } from "@/lib/cases/schema";

export const DELETE = withActor({ params: memberParamsSchema }, async ({ actor, params }) => {
  await removeMember({ actor, caseId: params.id, userId: params.userId });
  return new Response(null, { status: 204 });
});
