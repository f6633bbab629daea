"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { DismissHitInput, SanctionsHit, SanctionsHits, SanctionsListsView } from "@/lib/sanctions/views";

export const sanctionsKeys = {
  all: ["sanctions"] as const,
  lists: () => [...sanctionsKeys.all, "lists"] as const,
  personaAll: (id: string) => [...sanctionsKeys.all, "persona", id] as const,
  persona: (id: string, identifiers: string) => [...sanctionsKeys.personaAll(id), identifiers] as const,
};

/** The imported versions; polled while one is importing. */
export function useSanctionsLists(initialData?: SanctionsListsView) {
  return useQuery({
    queryKey: sanctionsKeys.lists(),
    queryFn: () => apiFetch<SanctionsListsView>(apiPath("/api/sanctions/lists")),
    initialData,
    refetchInterval: (query) => (query.state.data?.items.some((l) => l.status === "importing") ? 1500 : false),
  });
}

/** Sends the form as it is (multipart): the list file, its source and, for OFAC, alt.csv and add.csv. */
export function useImportList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) =>
      apiFetch<{ id: string }>(apiPath("/api/sanctions/lists"), { method: "POST", body: form }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sanctionsKeys.lists() }),
  });
}

/** The persona's hits; `identifiers` (their ids, joined) refetches them when a claim is added or removed. */
export function usePersonaSanctions(personaId: string, identifiers: string) {
  return useQuery({
    queryKey: sanctionsKeys.persona(personaId, identifiers),
    queryFn: () => apiFetch<SanctionsHits>(apiPath("/api/personas/{id}/sanctions", { id: personaId })),
  });
}

/** Marks a hit a false positive, with the reason. */
export function useDismissHit(personaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DismissHitInput) =>
      apiFetch<SanctionsHit>(apiPath("/api/personas/{id}/sanctions/dismissals", { id: personaId }), {
        method: "POST",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sanctionsKeys.personaAll(personaId) }),
  });
}

/** Opens a dismissed hit again. */
export function useReopenHit(personaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dismissalId: string) =>
      apiFetch<{ id: string }>(
        apiPath("/api/personas/{id}/sanctions/dismissals/{dismissalId}", { id: personaId, dismissalId }),
        { method: "DELETE" },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sanctionsKeys.personaAll(personaId) }),
  });
}
