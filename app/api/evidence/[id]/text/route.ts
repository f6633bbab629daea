import { withActor } from "@/lib/api/handler";
import { evidenceIdParamsSchema } from "@/lib/evidence/schema";
import { getEvidenceText } from "@/lib/intake/get-text";
import { textQuerySchema } from "@/lib/intake/schema";

// GET /api/evidence/{id}/text — the text read from the item, by page; ?page=N for one page.
export const GET = withActor({ params: evidenceIdParamsSchema, query: textQuerySchema }, ({ actor, params, query }) =>
  getEvidenceText({ actor, evidenceId: params.id, page: query.page }),
);
