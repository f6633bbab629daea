"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPath } from "@/lib/api/paths";
import { apiFetch } from "@/lib/client/api";
import type { UserInput, UserUpdate, UserView } from "@/lib/users/schema";

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export function useUsers(initialData?: UserView[]) {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: async () => (await apiFetch<{ items: UserView[] }>(apiPath("/api/users"))).items,
    initialData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => apiFetch<UserView>(apiPath("/api/users"), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdate }) =>
      apiFetch<UserView>(apiPath("/api/users/{id}", { id }), { method: "PATCH", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
