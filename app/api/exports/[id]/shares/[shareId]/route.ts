import { withActor } from "@/lib/api/handler";
import { revokeShare } from "@/lib/shares/revoke-share";
import { shareParamsSchema } from "@/lib/shares/schema";

export const dynamic = "force-dynamic";

// DELETE /api/exports/{id}/shares/{shareId} — revoke the link at once; answers the revoked share.
export const DELETE = withActor({ params: shareParamsSchema }, async ({ actor, params }) =>
  revokeShare({ actor, exportId: params.id, shareId: params.shareId }),
);
