// POST /api/screen — check up to 10,000 applicant identifiers against known personas.
import { z } from "zod";
import { withActor } from "@/lib/api/handler";
import { screenIdentifiers } from "@/lib/graph/screen";
import type { ScreenInput } from "@/lib/graph/schema";

// Room for far more rows than allowed, so an over-long list gets the 400 that says to split it
// rather than a bare 413; the rows themselves are checked by the schema in lib.
const SCREEN_BODY_LIMIT = 32 * 1024 * 1024;

export const POST = withActor(
  { permission: "screen:run", body: z.unknown(), bodyLimit: SCREEN_BODY_LIMIT },
  async ({ actor, body }) => screenIdentifiers({ actor, input: body as ScreenInput }),
);
