import { json, withActor } from "@/lib/api/handler";
import { tokenInputSchema, tokenListQuerySchema } from "@/lib/tokens/schema";
import { createToken, listTokens } from "@/lib/tokens/tokens";

// GET /api/tokens — the caller's tokens; ?all=true lists every token (admins).
export const GET = withActor({ query: tokenListQuerySchema }, async ({ actor, query }) => ({
  items: await listTokens({ actor, all: query.all === "true" }),
}));

// POST /api/tokens — create a token; the secret is in this response only.
export const POST = withActor({ body: tokenInputSchema }, async ({ actor, body }) =>
  json(await createToken({ actor, input: body }), 201),
);
