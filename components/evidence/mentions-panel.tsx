"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { CorrelationNotice } from "@/components/personas/correlation-notice";
import { identifierTypeLabels } from "@/components/personas/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { explainError } from "@/lib/client/api";
import { evidenceKeys, useMentions } from "@/lib/client/hooks/use-evidence";
import { useCasePersonas, useRecordIdentifier } from "@/lib/client/hooks/use-personas";
import type { MentionView } from "@/lib/intake/views";

/** The text around a mention with the mention itself marked. */
function Context({ text, value }: { text: string; value: string }) {
  const at = text.toLowerCase().indexOf(value.toLowerCase());
  if (at < 0) return <span>{text}</span>;
  return (
    <span>
      {text.slice(0, at)}
      <mark className="rounded bg-amber-200 px-0.5 text-foreground">{text.slice(at, at + value.length)}</mark>
      {text.slice(at + value.length)}
    </span>
  );
}

function AddToPersona({
  mention,
  evidenceId,
  caseId,
  onDone,
}: {
  mention: MentionView;
  evidenceId: string;
  caseId: string;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const personas = useCasePersonas(caseId);
  const record = useRecordIdentifier();
  const queryClient = useQueryClient();
  const [personaId, setPersonaId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const first = mention.locations[0];
  const choices = personas.data ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!personaId) return setError("Choose the persona it belongs to");
    setError(null);
    try {
      await record.mutateAsync({
        personaId,
        input: {
          type: mention.type,
          value: mention.value,
          ...(mention.chain ? { chain: mention.chain } : {}),
          sourceEvidenceId: evidenceId,
          ...(first ? { sourceLocation: { ...(first.page ? { page: first.page } : {}), offset: first.offset } } : {}),
        },
      });
      await queryClient.invalidateQueries({ queryKey: evidenceKeys.mentions(evidenceId) });
      onDone(`Added to ${choices.find((p) => p.id === personaId)?.displayName ?? "the persona"}`);
    } catch (err) {
      setError(explainError(err as Error));
    }
  }

  if (personas.isPending) return <p className="text-sm text-muted-foreground">Loading the case&apos;s personas…</p>;
  if (choices.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        This case has no personas yet: add one on the <Link href={`/cases/${caseId}`}>case page</Link> first.
      </p>
    );
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label={`Add ${mention.value} to a persona`}>
      <div className="flex min-w-48 flex-col gap-1">
        <Label htmlFor={`${id}-persona`}>Persona</Label>
        <Select
          id={`${id}-persona`}
          value={personaId}
          onChange={(e) => setPersonaId(e.target.value)}
          aria-invalid={error ? true : undefined}
          autoFocus
        >
          <option value="">Choose…</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" size="sm" disabled={record.isPending}>
        {record.isPending ? "Adding…" : "Add"}
      </Button>
      {error ? (
        <Alert tone="error" className="basis-full">
          {error}
        </Alert>
      ) : null}
    </form>
  );
}

function MentionRow({
  mention,
  evidenceId,
  caseId,
  canRecord,
}: {
  mention: MentionView;
  evidenceId: string;
  caseId: string;
  canRecord: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const first = mention.locations[0];
  return (
    <li className="flex flex-col gap-2 py-3" data-testid="mention">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="min-w-0">
          <span className="text-xs font-medium uppercase text-muted-foreground">
            {identifierTypeLabels[mention.type]}
          </span>{" "}
          <code className="break-all font-mono text-sm">{mention.value}</code>
          {mention.count > 1 ? <span className="text-sm text-muted-foreground"> · {mention.count} times</span> : null}
        </div>
        {canRecord && !adding ? (
          <Button variant="outline" size="sm" onClick={() => setAdding(true)}>
            Add to persona…
          </Button>
        ) : null}
      </div>
      {first ? (
        <p className="text-sm text-muted-foreground">
          {first.page ? <span className="mr-1 font-medium">p. {first.page}</span> : null}
          <Context text={first.context} value={mention.value} />
        </p>
      ) : null}
      {mention.knownAs.message ? <CorrelationNotice matches={mention.knownAs} compact /> : null}
      {adding ? (
        <AddToPersona
          mention={mention}
          evidenceId={evidenceId}
          caseId={caseId}
          onDone={(message) => {
            setAdding(false);
            setAdded(message);
          }}
        />
      ) : null}
      {added ? <Alert tone="success">{added}</Alert> : null}
    </li>
  );
}

/** Identifiers found in the item's text, who already holds each, and recording them on a persona with their source. */
export function MentionsPanel({ evidenceId, caseId }: { evidenceId: string; caseId: string }) {
  const { data, error } = useMentions(evidenceId);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Identifiers in the text</CardTitle>
        <CardDescription>
          E-mails, phones, wallets, IBANs, IP addresses, domains and profiles found in the text; one added to a persona
          keeps this exhibit and page as its source.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        {!data && !error ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
        {data?.status === "pending" ? (
          <p className="text-sm text-muted-foreground">Waiting for the text to be read…</p>
        ) : data && data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No identifiers were found in the text.</p>
        ) : null}
        {data && data.items.length > 0 ? (
          <ul className="divide-y" aria-label="Identifiers found">
            {data.items.map((m) => (
              <MentionRow
                key={`${m.type}:${m.normalizedValue}`}
                mention={m}
                evidenceId={evidenceId}
                caseId={caseId}
                canRecord={data.canRecord}
              />
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}
