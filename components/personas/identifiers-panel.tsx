"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useRemoveIdentifier } from "@/lib/client/hooks/use-personas";
import type { PersonaIdentifierView } from "@/lib/personas/views";
import { CorrelationNotice } from "./correlation-notice";
import { IdentifierForm } from "./identifier-form";
import { identifierTypeLabels } from "./labels";

interface IdentifiersPanelProps {
  personaId: string;
  identifiers: PersonaIdentifierView[];
  canEdit: boolean;
  cases: { id: string; ref: string }[];
  /** The persona's claimed country, offered as the region of national phone numbers. */
  defaultRegion?: string | null;
}

export function IdentifiersPanel({ personaId, identifiers, canEdit, cases, defaultRegion }: IdentifiersPanelProps) {
  const remove = useRemoveIdentifier(personaId);
  return (
    <div className="flex flex-col gap-3">
      {identifiers.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">
          No identifiers yet. Add the emails, phones, wallets, addresses and handles this persona used; each is checked
          against every other persona.
        </p>
      ) : (
        <Table aria-label="Identifiers">
          <THead>
            <tr>
              <Th>Type</Th>
              <Th>Value</Th>
              <Th>Confidence</Th>
              <Th>Source</Th>
              <Th>Also held by</Th>
              {canEdit ? <Th>Actions</Th> : null}
            </tr>
          </THead>
          <TBody>
            {identifiers.map((i) => (
              <Tr key={i.id}>
                <Td>{identifierTypeLabels[i.type]}</Td>
                <Td>
                  <div className="font-mono text-xs">
                    {i.normalizedValue.startsWith("hmac:") ? i.value : i.normalizedValue}
                  </div>
                  {i.value !== i.normalizedValue && !i.normalizedValue.startsWith("hmac:") ? (
                    <div className="text-xs text-muted-foreground">entered as {i.value}</div>
                  ) : null}
                  <div className="text-xs text-muted-foreground">
                    {[
                      i.chain,
                      ...Object.entries({ ...i.attributes, ...i.claimAttributes })
                        .filter(([k]) => !["chainInferred", "last4"].includes(k))
                        .map(([k, v]) => `${k}: ${v}`),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </div>
                </Td>
                <Td className="tabular-nums">{i.confidence}</Td>
                <Td className="text-sm">
                  {i.source ? (
                    <Link
                      href={`/evidence/${i.source.evidenceId}`}
                      className="whitespace-nowrap text-primary hover:underline"
                      title={i.source.title}
                      data-testid="identifier-source"
                    >
                      {i.source.exhibitNo}
                      {i.source.page ? ` p. ${i.source.page}` : ""}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </Td>
                <Td>
                  <CorrelationNotice matches={i.matches} compact />
                </Td>
                {canEdit ? (
                  <Td>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove ${identifierTypeLabels[i.type]} ${i.value}`}
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(i.id)}
                    >
                      Remove
                    </Button>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
      {canEdit ? <IdentifierForm personaId={personaId} cases={cases} defaultRegion={defaultRegion} /> : null}
    </div>
  );
}
