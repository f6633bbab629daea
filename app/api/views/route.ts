import { json, withActor } from "@/lib/api/handler";
import { createSavedView } from "@/lib/saved-views/create-saved-view";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import { savedViewInputSchema } from "@/lib/saved-views/schema";

// GET /api/views — the caller's saved case-list views, then those others share.
export const GET = withActor({ permission: "case:list" }, async ({ actor }) => listSavedViews({ actor }));

// POST /api/views — save a case-list filter under a name, private or shared.
export const POST = withActor({ permission: "case:list", body: savedViewInputSchema }, async ({ actor, body }) =>
  json(await createSavedView({ actor, input: body }), 201),
);
