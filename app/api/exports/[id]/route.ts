import { withActor } from "@/lib/api/handler";
import { getExport } from "@/lib/exports/get-export";
import { exportIdParamsSchema } from "@/lib/exports/schema";

export const dynamic = "force-dynamic";

// GET /api/exports/{id} — status, progress, size and SHA-256s of one export.
export const GET = withActor({ params: exportIdParamsSchema }, async ({ actor, params }) =>
  getExport({ actor, exportId: params.id }),
);
