import { withActor } from "@/lib/api/handler";
import { listExports } from "@/lib/exports/list-exports";
import { exportListQuerySchema } from "@/lib/exports/schema";

// GET /api/exports — exports of the cases whose packs you may read, newest first.
export const GET = withActor({ query: exportListQuerySchema }, async ({ actor, query }) =>
  listExports({ actor, query }),
);
