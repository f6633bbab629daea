// POST /api/notifications/{id}/read — mark one of the reader's notifications read.
import { withActor } from "@/lib/api/handler";
import { markOneRead } from "@/lib/notifications/mark-read";
import { notificationIdParamsSchema } from "@/lib/notifications/schema";

export const POST = withActor({ params: notificationIdParamsSchema }, async ({ actor, params }) =>
  markOneRead({ actor, id: params.id }),
);
