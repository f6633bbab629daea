"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { DashboardSummary } from "@/lib/dashboard/views";

export const dashboardKeys = {
  all: ["dashboard"] as const,
  summary: (search: string) => [...dashboardKeys.all, "summary", search] as const,
};

/**
 * The dashboard summary for an API query string. Refreshed every minute while the page is
 * visible and whenever the window regains focus, so a dashboard left open stays current.
 */
export function useDashboardSummary(search: string, initialData?: DashboardSummary) {
  return useQuery({
    queryKey: dashboardKeys.summary(search),
    queryFn: () => apiFetch<DashboardSummary>(apiPath("/api/dashboard/summary", search)),
    initialData,
    placeholderData: keepPreviousData,
    // Sooner while the persona networks are still being worked out for the first time.
    refetchInterval: (q) => (q.state.data?.networks.pending ? 5_000 : 60_000),
    refetchOnWindowFocus: true,
  });
}
