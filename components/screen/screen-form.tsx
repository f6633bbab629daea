"use client";

import { useState } from "react";
import { CorrelationNotice } from "@/components/personas/correlation-notice";
import { Field } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useScreen } from "@/lib/client/hooks/use-graph";
import { MAX_SCREEN_ROWS } from "@/lib/graph/schema";
import type { ScreenResponse } from "@/lib/graph/views";
import { parseScreenRows, type ScreenRow } from "./parse-rows";

const textAreaClass =
  "min-h-40 rounded-md border bg-background px-3 py-2 font-mono text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

export function ScreenForm() {
  const screen = useScreen();
  const [text, setText] = useState("");
  const [country, setCountry] = useState("");
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [rows, setRows] = useState<ScreenRow[]>([]);
  const [result, setResult] = useState<ScreenResponse | null>(null);
  const [onlyHits, setOnlyHits] = useState(true);

  async function run(source: string) {
    const parsed = parseScreenRows(source);
    setRows(parsed);
    setResult(null);
    if (parsed.length === 0 || parsed.length > MAX_SCREEN_ROWS) return;
    const response = await screen.mutateAsync({
      identifiers: parsed.map(({ type, value }) => ({ type, value })),
      ...(country.trim() ? { defaultCountry: country.trim().toUpperCase() } : {}),
    });
    setResult(response);
  }

  const shown = result
    ? result.results.filter((r) => !onlyHits || r.matches.message || r.sanctions.length > 0 || r.error)
    : [];
  return (
    <div className="flex flex-col gap-4">
      <form
        aria-label="Screen identifiers"
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void run(text).catch(() => {});
        }}
      >
        <Field
          id="screen-text"
          label="Identifiers, one per line as type,value"
          hint="e.g. email,jane@example.com · phone,+1 202 555 0147 · crypto_wallet,0x… — or upload a CSV below"
        >
          <textarea
            id="screen-text"
            className={textAreaClass}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
          />
        </Field>
        <div className="flex flex-wrap items-end gap-3">
          <Field
            id="screen-file"
            label="Or upload a CSV"
            hint="type,value rows, or an applicant export with columns such as email, phone, wallet"
          >
            <Input
              id="screen-file"
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setFileNote(`${file.name} (${Math.ceil(file.size / 1024)} KB)`);
                void file
                  .text()
                  .then((content) => {
                    setText(content);
                    return run(content);
                  })
                  .catch(() => {});
              }}
            />
          </Field>
          <Field
            id="screen-country"
            label="Country for local phone numbers"
            className="flex w-56 flex-col gap-1.5"
            hint="Two letters, e.g. US"
          >
            <Input id="screen-country" value={country} maxLength={2} onChange={(e) => setCountry(e.target.value)} />
          </Field>
          <Button type="submit" disabled={screen.isPending}>
            {screen.isPending ? "Screening…" : "Screen"}
          </Button>
        </div>
        {fileNote ? <p className="text-sm text-muted-foreground">Read {fileNote}.</p> : null}
      </form>
      {rows.length > MAX_SCREEN_ROWS ? (
        <Alert tone="error">
          {rows.length.toLocaleString()} rows: at most {MAX_SCREEN_ROWS.toLocaleString()} per run. Split the list.
        </Alert>
      ) : null}
      {screen.error ? <Alert tone="error">{screen.error.message}</Alert> : null}
      {result ? (
        <section aria-label="Screening results" className="flex flex-col gap-2">
          <p role="status" className="text-sm">
            {result.summary.total} screened: <strong>{result.summary.hits} already known</strong>,{" "}
            {result.summary.invalid} could not be read
            {result.summary.sanctionsHits > 0 ? (
              <strong className="text-destructive">, {result.summary.sanctionsHits} on a sanctions list</strong>
            ) : null}
            .
          </p>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={onlyHits} onChange={(e) => setOnlyHits(e.target.checked)} />
            Show only hits and problems
          </label>
          <Table aria-label="Screening results">
            <THead>
              <tr>
                <Th>Row</Th>
                <Th>Type</Th>
                <Th>Value</Th>
                <Th>Result</Th>
              </tr>
            </THead>
            <TBody>
              {shown.map((r) => (
                <Tr key={r.index} data-testid={r.matches.message ? "screen-hit" : undefined}>
                  <Td className="text-xs text-muted-foreground">{rows[r.index]?.source ?? r.index + 1}</Td>
                  <Td>{r.type}</Td>
                  <Td className="font-mono text-xs">{r.normalizedValue ?? r.value}</Td>
                  <Td>
                    {r.error ? (
                      <span className="text-destructive">{r.error}</span>
                    ) : (
                      <>
                        <CorrelationNotice matches={r.matches} compact />
                        {r.sanctions.map((h) => (
                          <p key={`${h.listVersion.id}-${h.entry.entNum}`} className="text-xs text-destructive">
                            Sanctions: {h.entry.name} ({h.entry.program || "no program"}, entry {h.entry.entNum}),{" "}
                            {h.matched.kind} {h.matched.value}, score {h.score}, list of{" "}
                            {h.listVersion.publishedAt ?? "unknown date"}
                          </p>
                        ))}
                      </>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {shown.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No hits: none of these identifiers belongs to a known persona.
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
