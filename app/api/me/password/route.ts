import { auth } from "@/auth";
import { withActor } from "@/lib/api/handler";
import { changePassword } from "@/lib/users/passwords";
import { passwordChangeSchema } from "@/lib/users/schema";

// POST /api/me/password — change one's own password; other browser sessions end, this one stays.
export const POST = withActor({ body: passwordChangeSchema }, async ({ actor, body }) => {
  const sessionId = actor.via === "session" ? ((await auth())?.sid ?? null) : null;
  return changePassword({ actor, input: body, sessionId });
});
