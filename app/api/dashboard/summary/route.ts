import { withActor } from "@/lib/api/handler";
import { dashboardQuerySchema } from "@/lib/dashboard/schema";
import { getDashboardSummary } from "@/lib/dashboard/summary";

// GET /api/dashboard/summary — every dashboard figure for the caller's cases, period and filters.
export const GET = withActor({ query: dashboardQuerySchema }, async ({ actor, query }) =>
  getDashboardSummary({ actor, query }),
);
