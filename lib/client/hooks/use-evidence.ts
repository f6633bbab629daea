"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { ApiError, type ApiErrorBody, apiFetch } from "@/lib/client/api";
import { caseKeys } from "@/lib/client/hooks/use-cases";
import type {
  CustodyEventView,
  EvidenceList,
  EvidenceView,
  UploadedEvidenceView,
  VerifyResult,
} from "@/lib/evidence/views";
import type { EvidenceTextView, MentionListView } from "@/lib/intake/views";

export const evidenceKeys = {
  all: ["evidence"] as const,
  list: (caseId: string) => [...evidenceKeys.all, "list", caseId] as const,
  detail: (id: string) => [...evidenceKeys.all, "detail", id] as const,
  custody: (id: string) => [...evidenceKeys.detail(id), "custody"] as const,
  // Outside detail(id) on purpose: refreshing an item's details must not read its bytes again.
  textPreview: (id: string) => [...evidenceKeys.all, "text-preview", id] as const,
  text: (id: string, page: number) => [...evidenceKeys.detail(id), "text", page] as const,
  mentions: (id: string) => [...evidenceKeys.detail(id), "mentions"] as const,
};

// While the background job has not read an item yet, its text and mentions are asked for again.
const whilePending = (data: { status: string } | undefined) => (data?.status === "pending" ? 2_000 : false);

/** One page of the text read from an item (the page list comes with it). */
export function useEvidenceText(id: string, page: number) {
  return useQuery({
    queryKey: evidenceKeys.text(id, page),
    queryFn: () => apiFetch<EvidenceTextView>(apiPath("/api/evidence/{id}/text", { id }, { page })),
    refetchInterval: (query) => whilePending(query.state.data),
    retry: false,
  });
}

export function useMentions(id: string) {
  return useQuery({
    queryKey: evidenceKeys.mentions(id),
    queryFn: () => apiFetch<MentionListView>(apiPath("/api/evidence/{id}/mentions", { id })),
    refetchInterval: (query) => whilePending(query.state.data),
  });
}

export const contentUrl = (id: string, inline = false) =>
  apiPath("/api/evidence/{id}/content", { id }, inline ? { inline: 1 } : undefined);
export const custodyCsvUrl = (id: string) => apiPath("/api/evidence/{id}/custody", { id }, { format: "csv" });

/** The query of a case's live evidence, for useQuery and for useQueries over several cases. */
export const evidenceListQuery = (caseId: string) => ({
  queryKey: evidenceKeys.list(caseId),
  queryFn: () => apiFetch<EvidenceList>(apiPath("/api/cases/{id}/evidence", { id: caseId })),
});

export function useEvidenceList(caseId: string) {
  return useQuery(evidenceListQuery(caseId));
}

export function useEvidence(id: string, initialData?: EvidenceView) {
  return useQuery({
    queryKey: evidenceKeys.detail(id),
    queryFn: () => apiFetch<EvidenceView>(apiPath("/api/evidence/{id}", { id })),
    initialData,
  });
}

export function useCustody(id: string) {
  return useQuery({
    queryKey: evidenceKeys.custody(id),
    queryFn: () =>
      apiFetch<{ exhibitNo: string; items: CustodyEventView[] }>(apiPath("/api/evidence/{id}/custody", { id })),
  });
}

/** After the browser itself read the bytes (preview, download), the custody log has a new line. */
export function useRefreshCustody(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: evidenceKeys.custody(id) });
}

function useEvidenceMutation<TInput, TResult>(
  id: string,
  caseId: string,
  request: (input: TInput) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (result) => {
      if (result && typeof result === "object" && "sha256" in result)
        queryClient.setQueryData(evidenceKeys.detail(id), result);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: evidenceKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: evidenceKeys.list(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      ]);
    },
  });
}

export const useVerifyEvidence = (id: string, caseId: string) =>
  useEvidenceMutation(id, caseId, () =>
    apiFetch<VerifyResult>(apiPath("/api/evidence/{id}/verify", { id }), { method: "POST" }),
  );

export const usePlaceHold = (id: string, caseId: string) =>
  useEvidenceMutation(id, caseId, (reason: string) =>
    apiFetch<EvidenceView>(apiPath("/api/evidence/{id}/hold", { id }), { method: "POST", body: { reason } }),
  );

export const useReleaseHold = (id: string, caseId: string) =>
  useEvidenceMutation(id, caseId, (reason: string) =>
    apiFetch<EvidenceView>(apiPath("/api/evidence/{id}/hold", { id }), { method: "DELETE", body: { reason } }),
  );

/** Deleting drops the item's cached detail instead of re-fetching it (it answers 404 from now on). */
export function useDeleteEvidence(id: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiFetch<{ deleted: true }>(apiPath("/api/evidence/{id}", { id }), { method: "DELETE", body: { reason } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: evidenceKeys.detail(id) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: evidenceKeys.list(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      ]);
    },
  });
}

/** Keeps an upload identical to another exhibit of its case as its own exhibit, with the reason. */
export const useKeepDuplicate = (id: string, caseId: string) =>
  useEvidenceMutation(id, caseId, (reason: string) =>
    apiFetch<EvidenceView>(apiPath("/api/evidence/{id}/keep", { id }), { method: "POST", body: { reason } }),
  );

export interface UploadMetadata {
  title: string;
  kind: string;
  collectedAt: string;
  collectedBy: string;
  source: string;
  description: string;
}

/**
 * Uploads one file with XMLHttpRequest, which (unlike fetch) reports upload progress. The
 * metadata goes before the file so the server has it when the bytes start to arrive.
 */
export function uploadEvidenceFile(
  caseId: string,
  file: File,
  meta: UploadMetadata,
  onProgress: (fraction: number) => void,
): { done: Promise<UploadedEvidenceView>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const form = new FormData();
  for (const [key, value] of Object.entries(meta)) if (value.trim()) form.append(key, value.trim());
  form.append("file", file, file.name);
  const done = new Promise<UploadedEvidenceView>((resolve, reject) => {
    xhr.upload.addEventListener("progress", (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    xhr.addEventListener("load", () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText) as unknown;
        } catch {
          return null;
        }
      })();
      if (xhr.status === 201) return resolve(body as UploadedEvidenceView);
      const error = (body as ApiErrorBody | null)?.error ?? {
        code: "internal",
        message: `Upload failed (${xhr.status})`,
      };
      reject(new ApiError(xhr.status, error));
    });
    xhr.addEventListener("error", () =>
      reject(new ApiError(0, { code: "network", message: "The connection failed during the upload" })),
    );
    xhr.addEventListener("abort", () => reject(new ApiError(0, { code: "aborted", message: "Upload cancelled" })));
  });
  xhr.open("POST", apiPath("/api/cases/{id}/evidence", { id: caseId }));
  xhr.setRequestHeader("accept", "application/json");
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}

/** Refreshes a case's evidence list (and its activity) after uploads finish. */
export function useRefreshEvidenceList(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: evidenceKeys.list(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    ]);
}
