"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { ScreenInput } from "@/lib/graph/schema";
import type { GraphView, NetworkList, ScreenResponse } from "@/lib/graph/views";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";

export const graphKeys = {
  all: ["graph"] as const,
  persona: (id: string, depth: number) => [...graphKeys.all, "persona", id, depth] as const,
  ofCase: (caseId: string) => [...graphKeys.all, "case", caseId] as const,
  networks: (search: string) => [...graphKeys.all, "networks", search] as const,
};

export function usePersonaGraph(id: string, depth: number) {
  return useQuery({
    queryKey: graphKeys.persona(id, depth),
    queryFn: () => apiFetch<GraphView>(apiPath("/api/personas/{id}/graph", { id }, { depth })),
    placeholderData: keepPreviousData,
  });
}

export function useCaseGraph(caseId: string) {
  return useQuery({
    queryKey: graphKeys.ofCase(caseId),
    queryFn: () => apiFetch<GraphView>(apiPath("/api/cases/{id}/graph", { id: caseId })),
  });
}

/** One persona's neighbours, fetched on demand when a node is expanded. */
export function fetchNeighbours(personaId: string): Promise<GraphView> {
  return apiFetch<GraphView>(apiPath("/api/personas/{id}/graph", { id: personaId }, { depth: 1 }));
}

export function useNetworks(search: string) {
  return useQuery({
    queryKey: graphKeys.networks(search),
    queryFn: () => apiFetch<NetworkList>(apiPath("/api/networks", search)),
    placeholderData: keepPreviousData,
  });
}

export function useScreen() {
  return useMutation({
    mutationFn: (input: ScreenInput) =>
      apiFetch<ScreenResponse>(apiPath("/api/screen"), { method: "POST", body: input }),
  });
}
