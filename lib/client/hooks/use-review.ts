"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { CandidateDecision, ReviewQueue } from "@/lib/personas/candidate-views";
import type { LinkView } from "@/lib/personas/views";
import { personaKeys } from "./use-personas";

// Under the persona keys: any persona change can add or remove pairs, and a decision changes personas.
export const reviewKeys = {
  all: [...personaKeys.all, "review"] as const,
  page: (page: number) => [...reviewKeys.all, page] as const,
};

/** One page of the review queue; the server's first answer is the initial data for its own page. */
export function useReviewQueue(page: number, initial?: ReviewQueue) {
  return useQuery({
    queryKey: reviewKeys.page(page),
    queryFn: () => apiFetch<ReviewQueue>(apiPath("/api/review/candidates", { page })),
    initialData: initial && initial.page === page ? initial : undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDecideCandidate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personaId, otherId, input }: { personaId: string; otherId: string; input: CandidateDecision }) =>
      apiFetch<LinkView>(apiPath("/api/personas/{id}/candidates/{otherId}/decision", { id: personaId, otherId }), {
        method: "POST",
        body: input,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: personaKeys.all }),
        queryClient.invalidateQueries({ queryKey: ["graph"] }),
      ]),
  });
}
