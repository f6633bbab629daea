import { withActor } from "@/lib/api/handler";
import { openExportDownload } from "@/lib/exports/open-export-download";
import { exportIdParamsSchema } from "@/lib/exports/schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/exports/{id}/download — the finished pack as a ZIP; Range supported.
export const GET = withActor({ params: exportIdParamsSchema }, async ({ actor, params, request }) =>
  openExportDownload({ actor, exportId: params.id, request }),
);
