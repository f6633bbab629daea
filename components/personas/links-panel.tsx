"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { personaLinkRelations, type PersonaLinkRelation } from "@/lib/personas/constants";
import { useCreateLink, useDeleteLink, usePersonaLinks } from "@/lib/client/hooks/use-personas";
import { identifierTypeLabels, relationLabels } from "./labels";
import { PersonaPicker } from "./persona-picker";

function RelationSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: PersonaLinkRelation;
  onChange: (r: PersonaLinkRelation) => void;
}) {
  return (
    <Select
      id={id}
      aria-label="Relation"
      className="w-40"
      value={value}
      onChange={(e) => onChange(e.target.value as PersonaLinkRelation)}
    >
      {personaLinkRelations.map((r) => (
        <option key={r} value={r}>
          {relationLabels[r]}
        </option>
      ))}
    </Select>
  );
}

export function LinksPanel({ personaId, canEdit }: { personaId: string; canEdit: boolean }) {
  const query = usePersonaLinks(personaId);
  const create = useCreateLink();
  const remove = useDeleteLink();
  const [relations, setRelations] = useState<Record<string, PersonaLinkRelation>>({});
  const [manual, setManual] = useState(false);
  const relationFor = (id: string) => relations[id] ?? "associated";
  if (query.isPending) return <Skeleton className="h-24 w-full" />;
  if (query.error) return <Alert tone="error">{query.error.message}</Alert>;
  const { links, suggestions } = query.data;
  const decide = (otherId: string, status: "confirmed" | "rejected") =>
    create.mutate({
      fromPersonaId: personaId,
      toPersonaId: otherId,
      relation: relationFor(otherId),
      status,
      confidence: status === "confirmed" ? 70 : 50,
    });

  return (
    <div className="flex flex-col gap-4">
      {links.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No explicit links yet. Confirm a suggestion below or link another persona by hand.
        </p>
      ) : (
        <Table aria-label="Links">
          <THead>
            <tr>
              <Th>Persona</Th>
              <Th>Relation</Th>
              <Th>Status</Th>
              <Th>Confidence</Th>
              <Th>Rationale</Th>
              {canEdit ? <Th>Actions</Th> : null}
            </tr>
          </THead>
          <TBody>
            {links.map((l) => {
              const other = l.from.id === personaId ? l.to : l.from;
              const direction = l.from.id === personaId ? "" : " (this persona is the other side)";
              return (
                <Tr key={l.id}>
                  <Td>
                    <Link className="font-medium text-primary hover:underline" href={`/personas/${other.id}`}>
                      {other.displayName}
                    </Link>
                  </Td>
                  <Td>
                    {relationLabels[l.relation]}
                    <span className="text-xs text-muted-foreground">{direction}</span>
                  </Td>
                  <Td>{l.status === "rejected" ? "Rejected (not linked)" : "Confirmed"}</Td>
                  <Td className="tabular-nums">{l.confidence}</Td>
                  <Td className="max-w-72">{l.rationale || "—"}</Td>
                  {canEdit ? (
                    <Td>
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Delete link with ${other.displayName}`}
                        onClick={() => remove.mutate(l.id)}
                      >
                        Delete
                      </Button>
                    </Td>
                  ) : null}
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <section aria-labelledby="suggestions-heading" className="flex flex-col gap-2">
        <h3 id="suggestions-heading" className="text-sm font-semibold">
          Suggested links
        </h3>
        {suggestions.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No suggestions: no unlinked persona you can see shares an identifier with this one.
          </p>
        ) : null}
        <ul className="flex flex-col gap-2">
          {suggestions.map((s) => (
            <li
              key={s.persona.id}
              className="flex flex-wrap items-center gap-3 rounded-md border p-2"
              data-testid="link-suggestion"
            >
              <Link className="font-medium text-primary hover:underline" href={`/personas/${s.persona.id}`}>
                {s.persona.displayName}
              </Link>
              <span className="text-sm text-muted-foreground">
                shares{" "}
                {s.sharedIdentifiers.map((i) => `${identifierTypeLabels[i.type].toLowerCase()} ${i.value}`).join(", ")}
              </span>
              {canEdit ? (
                <span className="ml-auto flex items-center gap-2">
                  <RelationSelect
                    id={`relation-${s.persona.id}`}
                    value={relationFor(s.persona.id)}
                    onChange={(r) => setRelations({ ...relations, [s.persona.id]: r })}
                  />
                  <Button size="sm" disabled={create.isPending} onClick={() => decide(s.persona.id, "confirmed")}>
                    Confirm link
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={create.isPending}
                    onClick={() => decide(s.persona.id, "rejected")}
                  >
                    Reject
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {canEdit ? (
        manual ? (
          <div className="flex flex-col gap-2 rounded-md border p-3">
            <div className="flex items-center gap-2">
              <span className="text-sm">Relation</span>
              <RelationSelect
                id="manual-relation"
                value={relationFor("manual")}
                onChange={(r) => setRelations({ ...relations, manual: r })}
              />
            </div>
            <PersonaPicker
              id="link-picker"
              label="Link to persona"
              exclude={[personaId]}
              onPick={(p) =>
                create.mutate(
                  { fromPersonaId: personaId, toPersonaId: p.id, relation: relationFor("manual"), confidence: 60 },
                  { onSuccess: () => setManual(false) },
                )
              }
            />
          </div>
        ) : (
          <div>
            <Button variant="outline" size="sm" onClick={() => setManual(true)}>
              Link another persona
            </Button>
          </div>
        )
      ) : null}
      {create.error || remove.error ? <Alert tone="error">{(create.error ?? remove.error)?.message}</Alert> : null}
    </div>
  );
}
