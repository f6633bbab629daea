"use client";

import { useRef, useState } from "react";
import { Field, invalidProps } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LocalDate, LocalDateTime } from "@/components/ui/local-time";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ApiError } from "@/lib/client/api";
import { useImportList, useSanctionsLists } from "@/lib/client/hooks/use-sanctions";
import { formatCount } from "@/lib/format";
import { type SanctionsSource, sanctionsSourceLabels, sanctionsSources } from "@/lib/sanctions/constants";
import type { SanctionsListsView } from "@/lib/sanctions/views";

const statusTone = { importing: "outline", done: "muted", failed: "destructive" } as const;

/** Imported list versions, and the form that imports a new one. */
export function SanctionsPanel({ initialLists }: { initialLists: SanctionsListsView }) {
  const lists = useSanctionsLists(initialLists);
  const importList = useImportList();
  const form = useRef<HTMLFormElement>(null);
  const [source, setSource] = useState<SanctionsSource>("ofac_sdn_csv");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const items = lists.data?.items ?? [];

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    const data = new FormData(event.currentTarget);
    for (const key of ["alt", "add"]) {
      const file = data.get(key);
      if (file instanceof File && file.size === 0) data.delete(key);
    }
    try {
      const { id } = await importList.mutateAsync(data);
      const known = items.some((l) => l.id === id);
      setMessage(known ? "This file was imported before: nothing changed." : "Importing: the version appears below.");
      form.current?.reset();
    } catch (e) {
      if (e instanceof ApiError) setErrors({ ...e.fieldErrors(), form: e.message });
      else if (e instanceof Error) setErrors({ form: e.message });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form
        ref={form}
        onSubmit={onSubmit}
        aria-label="Import a sanctions list"
        className="grid gap-3 sm:grid-cols-2"
        noValidate
      >
        <Field id="sanctions-source" label="Format" error={errors.source}>
          <Select
            id="sanctions-source"
            name="source"
            value={source}
            onChange={(e) => setSource(e.target.value as SanctionsSource)}
          >
            {sanctionsSources.map((s) => (
              <option key={s} value={s}>
                {sanctionsSourceLabels[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="sanctions-published"
          label="Published on (optional)"
          hint="Read from the file's name when it carries a date"
          error={errors.publishedAt}
        >
          <Input
            id="sanctions-published"
            name="publishedAt"
            type="date"
            {...invalidProps("sanctions-published", errors.publishedAt)}
          />
        </Field>
        <Field id="sanctions-file" label={source === "ftm" ? "Entities file" : "sdn.csv"} error={errors.file}>
          <Input
            id="sanctions-file"
            name="file"
            type="file"
            required
            {...invalidProps("sanctions-file", errors.file)}
          />
        </Field>
        {source === "ofac_sdn_csv" ? (
          <>
            <Field id="sanctions-alt" label="alt.csv (optional)" error={errors.alt}>
              <Input id="sanctions-alt" name="alt" type="file" />
            </Field>
            <Field id="sanctions-add" label="add.csv (optional)" error={errors.add}>
              <Input id="sanctions-add" name="add" type="file" />
            </Field>
          </>
        ) : null}
        <div className="flex items-end sm:col-span-2">
          <Button type="submit" disabled={importList.isPending}>
            {importList.isPending ? "Sending…" : "Import list"}
          </Button>
        </div>
        {errors.form && Object.keys(errors).length === 1 ? (
          <Alert tone="error" className="sm:col-span-2">
            {errors.form}
          </Alert>
        ) : null}
        {message ? (
          <Alert tone="success" className="sm:col-span-2">
            {message}
          </Alert>
        ) : null}
      </form>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">No list imported yet: personas are screened once a list is in.</p>
      ) : (
        <Table aria-label="Sanctions list versions">
          <THead>
            <Tr>
              <Th>List</Th>
              <Th>Published</Th>
              <Th>Entries</Th>
              <Th>Status</Th>
              <Th>Imported</Th>
              <Th>SHA-256</Th>
            </Tr>
          </THead>
          <TBody>
            {items.map((l) => (
              <Tr key={l.id} data-testid="sanctions-list-row">
                <Td>
                  {sanctionsSourceLabels[l.source]}
                  <div className="text-xs text-muted-foreground">{l.fileName}</div>
                </Td>
                <Td className="whitespace-nowrap">
                  <LocalDate iso={l.publishedAt} />
                </Td>
                <Td className="tabular-nums">
                  {l.status === "done" ? formatCount(l.entries, "entry", "entries") : "—"}
                </Td>
                <Td>
                  <Badge variant={statusTone[l.status]}>{l.status}</Badge>
                  {l.error ? <div className="text-xs text-destructive">{l.error}</div> : null}
                </Td>
                <Td className="whitespace-nowrap text-xs">
                  <LocalDateTime iso={l.importedAt} />
                  <div className="text-muted-foreground">{l.importedBy ?? "the operator"}</div>
                </Td>
                <Td className="font-mono text-xs" title={l.sha256}>
                  {l.sha256.slice(0, 12)}…
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
