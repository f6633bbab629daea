import { withActor } from "@/lib/api/handler";
import { resetPassword } from "@/lib/users/passwords";
import { userIdParamsSchema } from "@/lib/users/schema";

// POST /api/users/{id}/password-reset — a temporary password (shown once) to change at next sign-in.
export const POST = withActor({ roles: ["admin"], params: userIdParamsSchema }, async ({ actor, params }) =>
  resetPassword({ actor, userId: params.id }),
);
