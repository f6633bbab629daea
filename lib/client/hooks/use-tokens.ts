"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { CreatedToken, TokenInput, TokenView } from "@/lib/tokens/schema";

export const tokenKeys = {
  all: ["tokens"] as const,
  list: (scope: "mine" | "all") => [...tokenKeys.all, "list", scope] as const,
};

export function useTokens(scope: "mine" | "all", initialData?: TokenView[]) {
  return useQuery({
    queryKey: tokenKeys.list(scope),
    queryFn: async () =>
      (await apiFetch<{ items: TokenView[] }>(apiPath("/api/tokens", scope === "all" ? { all: "true" } : undefined)))
        .items,
    initialData,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TokenInput) => apiFetch<CreatedToken>(apiPath("/api/tokens"), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TokenView>(apiPath("/api/tokens/{id}", { id }), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
