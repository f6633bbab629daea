"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useRevokeToken, useTokens } from "@/lib/client/hooks/use-tokens";
import type { TokenView } from "@/lib/tokens/schema";
import { LocalDate, LocalDateTime } from "@/components/ui/local-time";

interface TokensTableProps {
  scope: "mine" | "all";
  initialTokens: TokenView[];
}

function tokenState(t: TokenView): { label: string; variant: "muted" | "destructive" | "outline" } {
  if (t.revokedAt) return { label: "revoked", variant: "destructive" };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: "expired", variant: "outline" };
  return { label: "active", variant: "muted" };
}

export function TokensTable({ scope, initialTokens }: TokensTableProps) {
  const { data: tokens = [] } = useTokens(scope, initialTokens);
  const revoke = useRevokeToken();
  if (tokens.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">No API tokens yet. Create one to call the API from a script.</p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {revoke.error ? <Alert tone="error">{revoke.error.message}</Alert> : null}
      <Table aria-label="API tokens">
        <THead>
          <tr>
            <Th>Name</Th>
            {scope === "all" ? <Th>Owner</Th> : null}
            <Th>Token</Th>
            <Th>Status</Th>
            <Th>Expires</Th>
            <Th>Last used</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </THead>
        <TBody>
          {tokens.map((t) => {
            const state = tokenState(t);
            return (
              <Tr key={t.id}>
                <Td className="font-medium">{t.name}</Td>
                {scope === "all" ? <Td>{t.userEmail}</Td> : null}
                <Td className="font-mono text-xs">{t.prefix}…</Td>
                <Td>
                  <Badge variant={state.variant}>{state.label}</Badge>
                </Td>
                <Td>{t.expiresAt ? <LocalDate iso={t.expiresAt} /> : "never"}</Td>
                <Td className="text-muted-foreground">
                  {t.lastUsedAt ? <LocalDateTime iso={t.lastUsedAt} /> : "never"}
                </Td>
                <Td className="text-right">
                  {t.revokedAt ? null : (
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(t.id)}
                      aria-label={`Revoke ${t.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
