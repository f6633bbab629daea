// POST /api/notifications/read — mark the given notifications read, or all of them.
import { withActor } from "@/lib/api/handler";
import { markRead } from "@/lib/notifications/mark-read";
import { markReadSchema } from "@/lib/notifications/schema";

export const POST = withActor({ body: markReadSchema }, async ({ actor, body }) => markRead({ actor, input: body }));
