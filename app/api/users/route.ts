import { json, withActor } from "@/lib/api/handler";
import { userInputSchema } from "@/lib/users/schema";
import { createUser, listUsers } from "@/lib/users/users";

// GET /api/users — every user, for admins.
export const GET = withActor({ roles: ["admin"] }, async ({ actor }) => ({ items: await listUsers({ actor }) }));

// POST /api/users — create a user.
export const POST = withActor({ roles: ["admin"], body: userInputSchema }, async ({ actor, body }) =>
  json(await createUser({ actor, input: body }), 201),
);
