"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type {
  AccessDecisionInput,
  AccessRequestInput,
  CaseInput,
  CaseUpdate,
  LegalReviewInput,
  MemberInput,
  TransitionInput,
} from "@/lib/cases/schema";
import type {
  AccessRequestView,
  ActivityView,
  CaseDetail,
  CaseList,
  CaseMemberView,
  LegalReviewResult,
  NoteView,
} from "@/lib/cases/views";
import type { CaseTimeline } from "@/lib/cases/timeline-views";

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const caseKeys = {
  all: ["cases"] as const,
  lists: () => [...caseKeys.all, "list"] as const,
  list: (search: string) => [...caseKeys.lists(), search] as const,
  detail: (id: string) => [...caseKeys.all, "detail", id] as const,
  notes: (id: string, page: number) => [...caseKeys.detail(id), "notes", page] as const,
  activity: (id: string, page: number) => [...caseKeys.detail(id), "activity", page] as const,
  timeline: (id: string) => [...caseKeys.detail(id), "timeline"] as const,
  accessRequests: (id: string) => [...caseKeys.detail(id), "access-requests"] as const,
};

/** `search` is the URL query string, so the list follows the address bar. */
export function useCaseList(search: string, initialData?: CaseList) {
  return useQuery({
    queryKey: caseKeys.list(search),
    queryFn: () => apiFetch<CaseList>(apiPath("/api/cases", search)),
    initialData,
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string, initialData?: CaseDetail) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: () => apiFetch<CaseDetail>(apiPath("/api/cases/{id}", { id })),
    initialData,
  });
}

export function useCaseNotes(id: string, page: number) {
  return useQuery({
    queryKey: caseKeys.notes(id, page),
    queryFn: () => apiFetch<Page<NoteView>>(apiPath("/api/cases/{id}/notes", { id }, { page, pageSize: 20 })),
    placeholderData: keepPreviousData,
  });
}

export function useCaseActivity(id: string, page: number) {
  return useQuery({
    queryKey: caseKeys.activity(id, page),
    queryFn: () => apiFetch<Page<ActivityView>>(apiPath("/api/cases/{id}/activity", { id }, { page, pageSize: 20 })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseInput) => apiFetch<CaseDetail>(apiPath("/api/cases"), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
  });
}

/** Every change to one case refreshes its detail, notes, activity and the lists. */
function useCaseMutation<TInput, TResult>(id: string, request: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (result) => {
      if (result && typeof result === "object" && "version" in result)
        queryClient.setQueryData(caseKeys.detail(id), result);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
      ]);
    },
  });
}

export const useUpdateCase = (id: string) =>
  useCaseMutation(id, (input: CaseUpdate) =>
    apiFetch<CaseDetail>(apiPath("/api/cases/{id}", { id }), { method: "PATCH", body: input }),
  );

export const useTransitionCase = (id: string) =>
  useCaseMutation(id, (input: TransitionInput) =>
    apiFetch<CaseDetail>(apiPath("/api/cases/{id}/transition", { id }), { method: "POST", body: input }),
  );

export const useAddMember = (id: string) =>
  useCaseMutation(id, (input: MemberInput) =>
    apiFetch<CaseMemberView>(apiPath("/api/cases/{id}/members", { id }), { method: "POST", body: input }),
  );

export const useRemoveMember = (id: string) =>
  useCaseMutation(id, (userId: string) =>
    apiFetch<null>(apiPath("/api/cases/{id}/members/{userId}", { id, userId }), { method: "DELETE" }),
  );

export const useCreateNote = (id: string) =>
  useCaseMutation(id, (body: string) =>
    apiFetch<NoteView>(apiPath("/api/cases/{id}/notes", { id }), { method: "POST", body: { body } }),
  );

export const useUpdateNote = (id: string) =>
  useCaseMutation(id, ({ noteId, body }: { noteId: string; body: string }) =>
    apiFetch<NoteView>(apiPath("/api/notes/{id}", { id: noteId }), { method: "PATCH", body: { body } }),
  );

/** Asking legal in changes the members and legal's queue (the referral keys, named here to avoid an import cycle). */
export function useRequestLegalReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LegalReviewInput) =>
      apiFetch<LegalReviewResult>(apiPath("/api/cases/{id}/legal-review", { id }), { method: "POST", body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: ["referrals"] }),
      ]),
  });
}

/** Pending requests for access; only for those who decide them (detail.permissions.manageMembers). */
export function useAccessRequests(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.accessRequests(id),
    queryFn: async () =>
      (await apiFetch<{ items: AccessRequestView[] }>(apiPath("/api/cases/{id}/access-requests", { id }))).items,
    enabled,
  });
}

export const useDecideAccessRequest = (id: string) =>
  useCaseMutation(id, ({ requestId, ...input }: AccessDecisionInput & { requestId: string }) =>
    apiFetch<AccessRequestView>(apiPath("/api/cases/{id}/access-requests/{requestId}", { id, requestId }), {
      method: "PATCH",
      body: input,
    }),
  );

/** From a case's 404: the answer is the same whether or not the case exists. */
export function useRequestAccess(id: string) {
  return useMutation({
    mutationFn: (input: AccessRequestInput) =>
      apiFetch<{ message: string }>(apiPath("/api/cases/{id}/access-requests", { id }), {
        method: "POST",
        body: input,
      }),
  });
}

export function useCaseTimeline(id: string) {
  return useQuery({
    queryKey: caseKeys.timeline(id),
    queryFn: () => apiFetch<CaseTimeline>(apiPath("/api/cases/{id}/timeline", { id })),
  });
}
