import { json, withActor } from "@/lib/api/handler";
import { appOrigin } from "@/lib/auth/origin";
import { exportIdParamsSchema } from "@/lib/exports/schema";
import { createShare } from "@/lib/shares/create-share";
import { listShares } from "@/lib/shares/list-shares";
import { shareInputSchema } from "@/lib/shares/schema";

export const dynamic = "force-dynamic";

// GET /api/exports/{id}/shares — the pack's share links, newest first, with their downloads.
export const GET = withActor({ params: exportIdParamsSchema }, async ({ actor, params }) => ({
  items: await listShares({ actor, exportId: params.id }),
}));

// POST /api/exports/{id}/shares — a link for one outside recipient; the link and code are in this answer only.
export const POST = withActor(
  { params: exportIdParamsSchema, body: shareInputSchema, roles: ["admin", "legal"] },
  async ({ actor, params, body, request }) => {
    const origin = appOrigin(request.headers, request.url) ?? new URL(request.url).origin;
    return json(await createShare({ actor, exportId: params.id, input: body, origin }), 201);
  },
);
