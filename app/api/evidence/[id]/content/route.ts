import { withActor } from "@/lib/api/handler";
import { openEvidenceContent } from "@/lib/evidence/open-evidence-content";
import { contentQuerySchema, evidenceIdParamsSchema } from "@/lib/evidence/schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/evidence/{id}/content — the bytes, logged as a custody event; Range supported.
export const GET = withActor(
  { params: evidenceIdParamsSchema, query: contentQuerySchema },
  async ({ actor, params, query, request }) =>
    openEvidenceContent({ actor, evidenceId: params.id, request, inline: query.inline }),
);
