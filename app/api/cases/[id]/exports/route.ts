import { json, withActor } from "@/lib/api/handler";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { createExport } from "@/lib/exports/create-export";
import { createExportBodySchema } from "@/lib/exports/schema";

export const runtime = "nodejs";

// POST /api/cases/{id}/exports — start building an evidence pack; 202 with its id, poll GET /api/exports/{id}.
export const POST = withActor(
  { params: caseIdParamsSchema, body: createExportBodySchema },
  async ({ actor, params, body }) => json(await createExport({ actor, caseId: params.id, options: body.options }), 202),
);
