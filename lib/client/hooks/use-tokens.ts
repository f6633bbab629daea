"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { CreatedToken, TokenInput, TokenView } from "@/lib/tokens/schema";

export const tokenKeys = {
  all: ["tokens"] as const,
  list: (scope: "mine" | "all") => [...tokenKeys.all, "list", scope] as const,
};

export function useTokens(scope: "mine" | "all", initialData?: TokenView[]) {
  return useQuery({
    queryKey: tokenKeys.list(scope),
    queryFn: async () => (await apiFetch<{ items: TokenView[] }>(`/api/tokens${scope === "all" ? "?all=true" : ""}`)).items,
    initialData,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TokenInput) => apiFetch<CreatedToken>("/api/tokens", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TokenView>(`/api/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
