"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import { caseKeys } from "@/lib/client/hooks/use-cases";
import type { DisclosureInput, ReferralInput, ReferralTransitionInput } from "@/lib/referrals/schema";
import type {
  CaseReferralsView,
  DisclosureListView,
  DisclosureView,
  ReferableCase,
  ReferralListView,
  ReferralQueueView,
  ReferralView,
} from "@/lib/referrals/views";

export const referralKeys = {
  all: ["referrals"] as const,
  forCase: (caseId: string) => [...referralKeys.all, "case", caseId] as const,
  lists: () => [...referralKeys.all, "list"] as const,
  list: (search: string) => [...referralKeys.lists(), search] as const,
  disclosures: (referralId: string) => [...referralKeys.all, "disclosures", referralId] as const,
  queue: () => [...referralKeys.all, "queue"] as const,
  referableCases: (q: string) => [...referralKeys.all, "referable-cases", q] as const,
};

/** Legal's queue of cases awaiting referral work. */
export function useReferralQueue(initialData?: ReferralQueueView) {
  return useQuery({
    queryKey: referralKeys.queue(),
    queryFn: () => apiFetch<ReferralQueueView>(apiPath("/api/referrals/queue")),
    initialData,
  });
}

/** The cases the user may draft a referral on, for the Referrals page's case picker. */
export function useReferableCases(q: string) {
  return useQuery({
    queryKey: referralKeys.referableCases(q),
    queryFn: async () =>
      (await apiFetch<{ items: ReferableCase[] }>(apiPath("/api/referrals/referable-cases", q ? { q } : undefined)))
        .items,
    placeholderData: keepPreviousData,
  });
}

/**
 * `caseStatus` is part of the key because who may manage referrals changes with it (any legal
 * user on a referred case), so moving the case refetches the permissions.
 */
export function useCaseReferrals(caseId: string, caseStatus: string) {
  return useQuery({
    queryKey: [...referralKeys.forCase(caseId), caseStatus],
    queryFn: () => apiFetch<CaseReferralsView>(apiPath("/api/cases/{id}/referrals", { id: caseId })),
  });
}

export function useReferralList(search: string, initialData?: ReferralListView) {
  return useQuery({
    queryKey: referralKeys.list(search),
    queryFn: () => apiFetch<ReferralListView>(apiPath("/api/referrals", search)),
    initialData,
    placeholderData: keepPreviousData,
  });
}

export function useDisclosures(referralId: string) {
  return useQuery({
    queryKey: referralKeys.disclosures(referralId),
    queryFn: () => apiFetch<DisclosureListView>(apiPath("/api/referrals/{id}/disclosures", { id: referralId })),
  });
}

/** Every referral change refreshes all referral views and the case timeline. */
function useReferralMutation<TInput, TResult>(caseId: string, request: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referralKeys.all }),
        queryClient.invalidateQueries({ queryKey: [...caseKeys.detail(caseId), "activity"] }),
      ]),
  });
}

export const useCreateReferral = (caseId: string) =>
  useReferralMutation(caseId, (input: ReferralInput) =>
    apiFetch<ReferralView>(apiPath("/api/cases/{id}/referrals", { id: caseId }), { method: "POST", body: input }),
  );

export const useTransitionReferral = (caseId: string, referralId: string) =>
  useReferralMutation(caseId, (input: ReferralTransitionInput) =>
    apiFetch<ReferralView>(apiPath("/api/referrals/{id}/transition", { id: referralId }), {
      method: "POST",
      body: input,
    }),
  );

export const useCreateDisclosure = (caseId: string, referralId: string) =>
  useReferralMutation(caseId, (input: DisclosureInput) =>
    apiFetch<DisclosureView>(apiPath("/api/referrals/{id}/disclosures", { id: referralId }), {
      method: "POST",
      body: input,
    }),
  );
