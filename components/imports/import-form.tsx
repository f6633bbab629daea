"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { explainError } from "@/lib/client/api";
import { useStartImport } from "@/lib/client/hooks/use-imports";
import { type ImportMapping, importPersonaFields } from "@/lib/imports/constants";
import { identifierTypes } from "@/lib/personas/constants";
import { readHeaders } from "./read-headers";

interface ImportFormProps {
  caseId: string | null;
  /** The mapping last used for each source system. */
  sources: ImportMapping[];
}

const fieldLabels: Record<string, string> = {
  displayName: "Name",
  aliases: "Aliases (separated by ;)",
  claimedLocation: "Location",
  claimedTimezone: "Time zone",
  claimedNationality: "Nationality",
  notes: "Notes",
};

/** A first guess from the column's name, for a source imported for the first time. */
function guess(header: string): string {
  const h = header.toLowerCase();
  if (/^(full[ _]?)?name$|candidate[ _]?name|applicant[ _]?name/.test(h)) return "displayName";
  if (/e-?mail/.test(h)) return "email";
  if (/phone|mobile|cell/.test(h)) return "phone";
  if (/wallet/.test(h)) return "crypto_wallet";
  if (/iban|bank/.test(h)) return "bank_account";
  if (/linkedin|github|telegram|handle/.test(h)) return "social_handle";
  if (/location|city|country/.test(h)) return "claimedLocation";
  return "";
}

export function ImportForm({ caseId, sources }: ImportFormProps) {
  const router = useRouter();
  const start = useStartImport();
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [readError, setReadError] = useState<string | null>(null);
  const [source, setSource] = useState("");
  const [key, setKey] = useState("");
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [phoneRegion, setPhoneRegion] = useState("");

  function apply(names: string[], remembered: ImportMapping | undefined) {
    setKey(remembered && names.includes(remembered.key) ? remembered.key : (names.find((h) => /id$/i.test(h)) ?? ""));
    setTargets(Object.fromEntries(names.map((h) => [h, remembered ? (remembered.columns[h] ?? "") : guess(h)])));
  }

  async function choose(chosen: File | undefined) {
    setFile(chosen ?? null);
    setReadError(null);
    setHeaders([]);
    if (!chosen) return;
    try {
      const names = (await readHeaders(chosen)).filter((h) => h !== "");
      if (names.length === 0) throw new Error("The file has no header row");
      setHeaders(names);
      apply(
        names,
        sources.find((s) => s.source === source),
      );
    } catch (error) {
      setReadError(error instanceof Error ? error.message : "The file cannot be read");
    }
  }

  function submit(dryRun: boolean) {
    if (!file) return;
    const columns = Object.fromEntries(Object.entries(targets).filter(([h, t]) => t !== "" && h !== key));
    const form = new FormData();
    form.set("file", file);
    form.set("mapping", JSON.stringify({ source: source.trim(), key, columns }));
    form.set("dryRun", String(dryRun));
    if (caseId) form.set("caseId", caseId);
    if (phoneRegion.trim()) form.set("phoneRegion", phoneRegion.trim().toUpperCase());
    start.mutate(form, { onSuccess: ({ id }) => router.push(`/imports/${id}`) });
  }

  return (
    <form
      aria-label="Import people"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit(true);
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <Field id="import-file" label="CSV or XLSX export" hint="The first row must name the columns">
          <Input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </Field>
        <Field id="import-source" label="Source system" hint="e.g. greenhouse; its mapping is remembered">
          <Input
            id="import-source"
            list="import-sources"
            value={source}
            maxLength={100}
            onChange={(e) => {
              setSource(e.target.value);
              const remembered = sources.find((s) => s.source === e.target.value.trim());
              if (remembered && headers.length > 0) apply(headers, remembered);
            }}
          />
        </Field>
        <datalist id="import-sources">
          {sources.map((s) => (
            <option key={s.source} value={s.source} />
          ))}
        </datalist>
        <Field id="import-region" label="Region for local phone numbers" hint="Two letters; else the organisation's">
          <Input
            id="import-region"
            value={phoneRegion}
            maxLength={2}
            className="w-24"
            onChange={(e) => setPhoneRegion(e.target.value)}
          />
        </Field>
      </div>
      {readError ? <Alert tone="error">{readError}</Alert> : null}
      {headers.length > 0 ? (
        <>
          <Field id="import-key" label="Column holding the source system's id of each record">
            <Select id="import-key" value={key} onChange={(e) => setKey(e.target.value)} className="w-72">
              <option value="">Choose a column</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
          <Table aria-label="Column mapping">
            <THead>
              <tr>
                <Th>Column</Th>
                <Th>Becomes</Th>
              </tr>
            </THead>
            <TBody>
              {headers
                .filter((h) => h !== key)
                .map((h, i) => (
                  <Tr key={h}>
                    <Td>
                      <label htmlFor={`import-col-${i}`}>{h}</label>
                    </Td>
                    <Td>
                      <Select
                        id={`import-col-${i}`}
                        value={targets[h] ?? ""}
                        onChange={(e) => setTargets({ ...targets, [h]: e.target.value })}
                      >
                        <option value="">Ignore</option>
                        <optgroup label="Persona">
                          {importPersonaFields.map((f) => (
                            <option key={f} value={f}>
                              {fieldLabels[f]}
                            </option>
                          ))}
                        </optgroup>
                        <optgroup label="Identifier">
                          {identifierTypes.map((t) => (
                            <option key={t} value={t}>
                              {t.replace(/_/g, " ")}
                            </option>
                          ))}
                        </optgroup>
                      </Select>
                    </Td>
                  </Tr>
                ))}
            </TBody>
          </Table>
          <div className="flex gap-2">
            <Button type="submit" variant="outline" disabled={start.isPending}>
              Dry run
            </Button>
            <Button type="button" disabled={start.isPending} onClick={() => submit(false)}>
              Import
            </Button>
          </div>
        </>
      ) : (
        <p className="text-sm text-muted-foreground">Choose a file to map its columns.</p>
      )}
      {start.error ? <Alert tone="error">{explainError(start.error)}</Alert> : null}
    </form>
  );
}
