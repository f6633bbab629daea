"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type {
  CasePersonaInput,
  IdentifierInput,
  LinkInput,
  PersonaCreate,
  PersonaUpdate,
  RedFlagInput,
} from "@/lib/personas/schema";
import type {
  CasePersonaView,
  LinkView,
  PersonaDetail,
  PersonaIdentifierView,
  PersonaLinks,
  PersonaList,
} from "@/lib/personas/views";
import { caseKeys } from "./use-cases";

export const personaKeys = {
  all: ["personas"] as const,
  lists: () => [...personaKeys.all, "list"] as const,
  list: (search: string) => [...personaKeys.lists(), search] as const,
  detail: (id: string) => [...personaKeys.all, "detail", id] as const,
  links: (id: string) => [...personaKeys.detail(id), "links"] as const,
  ofCase: (caseId: string) => [...caseKeys.detail(caseId), "personas"] as const,
};

/** Persona changes can move matches, links, graphs and networks anywhere: refresh all persona data. */
function useRefreshPersonas() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: personaKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["graph"] }),
      queryClient.invalidateQueries({ queryKey: caseKeys.all }),
    ]);
}

export function usePersonaList(search: string, initialData?: PersonaList) {
  return useQuery({
    queryKey: personaKeys.list(search),
    queryFn: () => apiFetch<PersonaList>(apiPath("/api/personas", search)),
    initialData,
    placeholderData: keepPreviousData,
  });
}

export function usePersona(id: string, initialData?: PersonaDetail) {
  return useQuery({
    queryKey: personaKeys.detail(id),
    queryFn: () => apiFetch<PersonaDetail>(apiPath("/api/personas/{id}", { id })),
    initialData,
  });
}

export function usePersonaLinks(id: string) {
  return useQuery({
    queryKey: personaKeys.links(id),
    queryFn: () => apiFetch<PersonaLinks>(apiPath("/api/personas/{id}/links", { id })),
  });
}

export function useCasePersonas(caseId: string) {
  return useQuery({
    queryKey: personaKeys.ofCase(caseId),
    queryFn: async () =>
      (await apiFetch<{ items: CasePersonaView[] }>(apiPath("/api/cases/{id}/personas", { id: caseId }))).items,
  });
}

function usePersonaMutation<TInput, TResult>(request: (input: TInput) => Promise<TResult>) {
  const refresh = useRefreshPersonas();
  return useMutation({ mutationFn: request, onSuccess: () => refresh() });
}

export const useCreatePersona = () =>
  usePersonaMutation((input: PersonaCreate) =>
    apiFetch<PersonaDetail>(apiPath("/api/personas"), { method: "POST", body: input }),
  );

export const useUpdatePersona = (id: string) =>
  usePersonaMutation((input: PersonaUpdate) =>
    apiFetch<PersonaDetail>(apiPath("/api/personas/{id}", { id }), { method: "PATCH", body: input }),
  );

export const useAddIdentifier = (id: string) =>
  usePersonaMutation((input: IdentifierInput) =>
    apiFetch<PersonaIdentifierView>(apiPath("/api/personas/{id}/identifiers", { id }), { method: "POST", body: input }),
  );

/** Records an identifier on whichever persona is chosen (a mention found in evidence). */
export const useRecordIdentifier = () =>
  usePersonaMutation(({ personaId, input }: { personaId: string; input: IdentifierInput }) =>
    apiFetch<PersonaIdentifierView>(apiPath("/api/personas/{id}/identifiers", { id: personaId }), {
      method: "POST",
      body: input,
    }),
  );

export const useRemoveIdentifier = (id: string) =>
  usePersonaMutation((identifierId: string) =>
    apiFetch<null>(apiPath("/api/personas/{id}/identifiers/{identifierId}", { id, identifierId }), {
      method: "DELETE",
    }),
  );

export const useAddRedFlag = (id: string) =>
  usePersonaMutation((input: RedFlagInput) =>
    apiFetch<PersonaDetail>(apiPath("/api/personas/{id}/red-flags", { id }), { method: "POST", body: input }),
  );

export const useRemoveRedFlag = (id: string) =>
  usePersonaMutation(({ code, reason }: { code: string; reason?: string }) =>
    apiFetch<PersonaDetail>(apiPath("/api/personas/{id}/red-flags/{code}", { id, code }, reason ? { reason } : {}), {
      method: "DELETE",
    }),
  );

export const useCreateLink = () =>
  usePersonaMutation((input: LinkInput) =>
    apiFetch<LinkView>(apiPath("/api/persona-links"), { method: "POST", body: input }),
  );

export const useDeleteLink = () =>
  usePersonaMutation((id: string) => apiFetch<null>(apiPath("/api/persona-links/{id}", { id }), { method: "DELETE" }));

export const useAttachPersona = (caseId: string) =>
  usePersonaMutation((input: CasePersonaInput) =>
    apiFetch<CasePersonaView>(apiPath("/api/cases/{id}/personas", { id: caseId }), { method: "POST", body: input }),
  );

export const useDetachPersona = (caseId: string) =>
  usePersonaMutation((personaId: string) =>
    apiFetch<null>(apiPath("/api/cases/{id}/personas/{personaId}", { id: caseId, personaId }), { method: "DELETE" }),
  );
