// PATCH /api/users/{id} — change name, role, password or disabled flag.
import { withActor } from "@/lib/api/handler";
import { userIdParamsSchema, userUpdateSchema } from "@/lib/users/schema";
import { updateUser } from "@/lib/users/users";

export const PATCH = withActor(
  { roles: ["admin"], params: userIdParamsSchema, body: userUpdateSchema },
  async ({ actor, params, body }) => updateUser({ actor, userId: params.id, input: body }),
);
