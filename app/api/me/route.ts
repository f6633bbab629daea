// GET /api/me — who the request is authenticated as.
import { withActor } from "@/lib/api/handler";

export const GET = withActor({}, async ({ actor }) => ({
  id: actor.id,
  email: actor.email,
  name: actor.name,
  role: actor.role,
}));
