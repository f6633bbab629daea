// DELETE /api/tokens/{id} — revoke a token.
import { withActor } from "@/lib/api/handler";
import { tokenIdParamsSchema } from "@/lib/tokens/schema";
import { revokeToken } from "@/lib/tokens/tokens";

export const DELETE = withActor({ params: tokenIdParamsSchema }, async ({ actor, params }) =>
  revokeToken({ actor, tokenId: params.id }),
);
