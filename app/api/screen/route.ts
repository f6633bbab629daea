// POST /api/screen — check up to 10,000 applicant identifiers against known personas.
import { readJsonBody } from "@/lib/api/body";
import { withActor } from "@/lib/api/handler";
import { screenIdentifiers } from "@/lib/graph/screen";
import type { ScreenInput } from "@/lib/graph/schema";

// Room for far more rows than allowed, so an over-long list gets the 400 that says to split it
// rather than a bare 413; the row limit itself is checked by the schema in lib.
const SCREEN_BODY_LIMIT = 32 * 1024 * 1024;

export const POST = withActor({}, async ({ actor, request }) => {
  const body = (await readJsonBody(request, SCREEN_BODY_LIMIT)) as ScreenInput;
  return screenIdentifiers({ actor, input: body });
});
