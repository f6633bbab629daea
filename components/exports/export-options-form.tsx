"use client";

import { useState } from "react";
import { invalidProps } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/client/api";
import { useEvidenceList } from "@/lib/client/hooks/use-evidence";
import { useCreateExport } from "@/lib/client/hooks/use-exports";
import type { ExportOptionsInput, PrivilegedHandling } from "@/lib/exports/schema";
import { type ProductionChoice, ProductionFields, productionOption } from "./production-fields";

interface ExportOptionsFormProps {
  caseId: string;
  privilegedIds: string[];
  onStarted: (id: string) => void;
  onCancel: () => void;
}

function Check({
  id,
  label,
  checked,
  disabled,
  onChange,
  hint,
}: {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (v: boolean) => void;
  hint?: string;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="text-sm">
        {label}
        {hint ? <span className="block text-xs text-muted-foreground">{hint}</span> : null}
      </label>
    </div>
  );
}

/** What goes into the pack: every item unless left out with a reason, privileged handling, and the optional files. */
export function ExportOptionsForm({ caseId, privilegedIds, onStarted, onCancel }: ExportOptionsFormProps) {
  const evidence = useEvidenceList(caseId);
  const create = useCreateExport(caseId);
  const [left, setLeft] = useState<Record<string, string>>({});
  const [privileged, setPrivileged] = useState<PrivilegedHandling>("list_only");
  const [report, setReport] = useState(true);
  const [graph, setGraph] = useState(true);
  const [stix, setStix] = useState(true);
  const [production, setProduction] = useState<ProductionChoice>({ on: false, prefix: "", start: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const items = evidence.data?.items ?? [];
  const privilegedSet = new Set(privilegedIds);
  const excludedIds = Object.keys(left).filter((id) => items.some((i) => i.id === id));

  const submit = () => {
    const exclude = excludedIds.map((evidenceId) => ({ evidenceId, reason: left[evidenceId]?.trim() ?? "" }));
    const missing = Object.fromEntries(
      exclude.flatMap((e, i) => (e.reason ? [] : [[`options.exclude.${i}.reason`, "Say why this item is left out"]])),
    );
    const productionChoice = productionOption(production);
    const invalid = { ...missing, ...(productionChoice.ok ? {} : productionChoice.errors) };
    if (Object.keys(invalid).length || !productionChoice.ok) return setErrors(invalid);
    setErrors({});
    const options: ExportOptionsInput = {
      exclude,
      privileged,
      includeReport: report,
      includeGraph: report && graph,
      includeStix: stix,
      production: productionChoice.value,
    };
    create.mutate(options, {
      onSuccess: ({ id }) => onStarted(id),
      onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
    });
  };
  const reasonError = (evidenceId: string) => errors[`options.exclude.${excludedIds.indexOf(evidenceId)}.reason`];

  return (
    <form
      aria-label="Evidence pack options"
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold">Evidence items</legend>
        {evidence.error ? <Alert tone="error">{evidence.error.message}</Alert> : null}
        {evidence.data && items.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            This case has no evidence yet; the pack will hold the case record, report and logs only.
          </p>
        ) : null}
        {items.map((item) => {
          const out = item.id in left;
          const reasonId = `export-reason-${item.id}`;
          const error = reasonError(item.id);
          return (
            <div key={item.id} className="flex flex-col gap-1 rounded-md border p-2">
              <Check
                id={`export-include-${item.id}`}
                label={`Include ${item.exhibitNo} ${item.title}`}
                checked={!out}
                onChange={(include) =>
                  setLeft((prev) => {
                    const next = { ...prev };
                    if (include) delete next[item.id];
                    else next[item.id] = "";
                    return next;
                  })
                }
              />
              {privilegedSet.has(item.id) ? (
                <Badge variant="outline" className="w-fit">
                  Privileged
                </Badge>
              ) : null}
              {out ? (
                <div className="ml-6 flex flex-col gap-1">
                  <label htmlFor={reasonId} className="text-xs font-medium">
                    Reason for leaving out {item.exhibitNo}
                  </label>
                  <Input
                    id={reasonId}
                    value={left[item.id] ?? ""}
                    onChange={(e) => setLeft((prev) => ({ ...prev, [item.id]: e.target.value }))}
                    required
                    {...invalidProps(reasonId, error)}
                  />
                  {error ? (
                    <p id={`${reasonId}-error`} className="text-xs text-destructive">
                      {error}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">
          Items marked privileged{privilegedIds.length ? ` (${privilegedIds.length} in this case)` : ""}
        </legend>
        {(["list_only", "include"] as const).map((value) => (
          <div key={value} className="flex items-center gap-2">
            <input
              id={`export-privileged-${value}`}
              type="radio"
              name="privileged"
              className="size-4"
              checked={privileged === value}
              onChange={() => setPrivileged(value)}
            />
            <label htmlFor={`export-privileged-${value}`} className="text-sm">
              {value === "list_only" ? "List them without their content" : "Include their content"}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold">Also in the pack</legend>
        <Check id="export-report" label="Readable report (report.pdf)" checked={report} onChange={setReport} />
        <Check
          id="export-graph"
          label="Picture of the persona graph in the report"
          checked={report && graph}
          disabled={!report}
          onChange={setGraph}
        />
        <Check
          id="export-stix"
          label="STIX 2.1 bundle for threat-intelligence platforms"
          checked={stix}
          onChange={setStix}
        />
      </fieldset>
      <ProductionFields value={production} onChange={setProduction} errors={errors} />
      {create.error && !Object.keys(errors).length ? <Alert tone="error">{create.error.message}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending || !evidence.data}>
          {create.isPending ? "Starting…" : "Start export"}
        </Button>
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
