import { withActor } from "@/lib/api/handler";
import { custodyToCsv } from "@/lib/evidence/custody";
import { listCustody } from "@/lib/evidence/list-custody";
import { contentDisposition } from "@/lib/evidence/names";
import { custodyQuerySchema, evidenceIdParamsSchema } from "@/lib/evidence/schema";

// GET /api/evidence/{id}/custody — JSON, or CSV for `Accept: text/csv` or `?format=csv`.
export const GET = withActor(
  { params: evidenceIdParamsSchema, query: custodyQuerySchema },
  async ({ actor, params, query, request }) => {
    const log = await listCustody({ actor, evidenceId: params.id });
    const wantsCsv =
      query.format === "csv" ||
      (query.format === undefined && /\btext\/csv\b/i.test(request.headers.get("accept") ?? ""));
    if (!wantsCsv) return log;
    return new Response(custodyToCsv(log.items), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", `custody-${log.exhibitNo}.csv`),
        "Cache-Control": "private, no-store",
      },
    });
  },
);
