"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { SearchResult } from "@/lib/search/views";

export function useSearch(q: string, limit: number) {
  const query = q.trim();
  return useQuery({
    queryKey: ["search", query, limit],
    queryFn: ({ signal }) => apiFetch<SearchResult>(apiPath("/api/search", { q: query, limit }), { signal }),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
