import { withActor } from "@/lib/api/handler";
import { getImport } from "@/lib/imports/get-import";
import { importIdParamsSchema } from "@/lib/imports/schema";

export const dynamic = "force-dynamic";

// GET /api/imports/{id} — status, progress, counts and the errors of each refused row.
export const GET = withActor({ params: importIdParamsSchema }, ({ actor, params }) =>
  getImport({ actor, importId: params.id }),
);
