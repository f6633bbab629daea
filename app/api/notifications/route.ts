// GET /api/notifications — the reader's inbox, newest first, with the unread count.
import { withActor } from "@/lib/api/handler";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { inboxQuerySchema } from "@/lib/notifications/schema";

export const GET = withActor({ query: inboxQuerySchema }, async ({ actor, query }) =>
  listNotifications({ actor, limit: query.limit, unreadOnly: query.unread }),
);
