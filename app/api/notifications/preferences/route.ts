import { withActor } from "@/lib/api/handler";
import { getPreferences, putPreferences } from "@/lib/notifications/preferences";
import { preferencesInputSchema } from "@/lib/notifications/schema";

// GET /api/notifications/preferences — the reader's channels per event.
export const GET = withActor({}, async ({ actor }) => getPreferences({ actor }));

// PUT /api/notifications/preferences — change the reader's channels for the events given.
export const PUT = withActor({ body: preferencesInputSchema }, async ({ actor, body }) =>
  putPreferences({ actor, input: body }),
);
