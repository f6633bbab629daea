"use client";

import { useQuery } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { DirectoryEntry } from "@/lib/users/schema";

export const directoryKeys = {
  search: (q: string, role?: string) => ["directory", q, role ?? "any"] as const,
};

export function useDirectory(q: string, role?: string) {
  return useQuery({
    queryKey: directoryKeys.search(q, role),
    queryFn: async () => {
      const params = new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}) });
      return (await apiFetch<{ items: DirectoryEntry[] }>(apiPath("/api/directory", params))).items;
    },
    staleTime: 60_000,
  });
}
