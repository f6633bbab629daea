import type { ApiOperation } from "@/lib/api/openapi";
import { dashboardQuerySchema } from "./schema";
import { dashboardSummarySchema } from "./views";

export const dashboardOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/dashboard/summary",
    summary:
      "Dashboard figures over the cases you may see (managers and admins: every case; investigators and legal: their own). Open cases, overdue tasks and overdue referrals are as of now; the flow, times, false alarms, referrals and red flags cover the period",
    tag: "Dashboard",
    query: dashboardQuerySchema,
    responses: { 200: { description: "The summary", schema: dashboardSummarySchema } },
  },
];
