"use client";

import { useRef, useState } from "react";
import { Field, invalidProps } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ExhibitPicker } from "@/components/evidence/exhibit-picker";
import { identifierTypes, type IdentifierType } from "@/lib/personas/constants";
import { ApiError } from "@/lib/client/api";
import { useAddIdentifier } from "@/lib/client/hooks/use-personas";
import { expectedFormats } from "@/lib/identifiers/types";
import type { PersonaIdentifierView } from "@/lib/personas/views";
import { CorrelationNotice } from "./correlation-notice";
import { identifierTypeLabels } from "./labels";

/** Extra inputs some types need; each becomes an attribute (or chain / defaultCountry). */
const extras: Partial<Record<IdentifierType, { name: string; label: string; options?: string[]; hint?: string }[]>> = {
  phone: [{ name: "defaultCountry", label: "Country if no +code", hint: "Two letters, e.g. US or GB" }],
  crypto_wallet: [
    { name: "chain", label: "Chain", hint: "Inferred from the address when empty" },
    { name: "asset", label: "Asset", hint: "e.g. USDC, BTC" },
  ],
  postal_address: [{ name: "role", label: "Address given as", options: ["", "resume", "i9", "shipping", "forwarder"] }],
  social_handle: [
    { name: "platform", label: "Platform", hint: "github, linkedin, telegram… or write platform:handle" },
  ],
  payment_account: [{ name: "platform", label: "Platform", hint: "payoneer, wise, paypal… or write platform:account" }],
  freelance_account: [{ name: "platform", label: "Platform", hint: "upwork, freelancer, fiverr…" }],
  remote_access_id: [{ name: "tool", label: "Tool", hint: "anydesk, teamviewer… or write tool:id" }],
  government_id: [
    { name: "kind", label: "Document", hint: "e.g. passport, SSN" },
    { name: "country", label: "Country" },
  ],
};

const optionLabels: Record<string, string> = {
  "": "Not stated",
  resume: "On the résumé",
  i9: "On the I-9",
  shipping: "Shipping address",
  forwarder: "Freight forwarder",
};

interface IdentifierFormProps {
  personaId: string;
  /** The persona's cases the reader can see: their exhibits can be named as the source. */
  cases: { id: string; ref: string }[];
  /** The country the persona claims to be in: offered as the region of a phone number without +code. */
  defaultRegion?: string | null;
}

export function IdentifierForm({ personaId, cases, defaultRegion }: IdentifierFormProps) {
  const add = useAddIdentifier(personaId);
  const formRef = useRef<HTMLFormElement>(null);
  const [type, setType] = useState<IdentifierType>("email");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<PersonaIdentifierView | null>(null);

  async function submit() {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const attributes: Record<string, string> = {};
    for (const extra of extras[type] ?? [])
      if (!["chain", "defaultCountry"].includes(extra.name) && text(extra.name))
        attributes[extra.name] = text(extra.name);
    setErrors({});
    setProblem(null);
    setResult(null);
    try {
      const added = await add.mutateAsync({
        type,
        value: String(data.get("value") ?? ""),
        ...(text("chain") ? { chain: text("chain") } : {}),
        ...(text("defaultCountry") ? { defaultCountry: text("defaultCountry").toUpperCase() } : {}),
        ...(Object.keys(attributes).length ? { attributes } : {}),
        ...(text("sourceEvidenceId") ? { sourceEvidenceId: text("sourceEvidenceId") } : {}),
        confidence: Number(text("confidence") || 50),
        unparsed: data.get("unparsed") === "on",
      });
      setResult(added);
      form.reset();
      setType("email");
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = error.fieldErrors();
      setErrors(fields);
      // Said once: beside the field it concerns, or above the form when no field is named.
      const shownBeside = (path: string) =>
        ["value", "confidence", "sourceEvidenceId"].includes(path) ||
        (extras[type] ?? []).some((e) => path === e.name || path === `attributes.${e.name}`);
      setProblem(Object.keys(fields).some(shownBeside) ? null : error.message);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <form
        ref={formRef}
        aria-label="Add an identifier"
        className="flex flex-col gap-3 rounded-md border p-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-[12rem_1fr_7rem]">
          <Field id="identifier-type" label="Type">
            <Select
              id="identifier-type"
              name="type"
              value={type}
              onChange={(e) => setType(e.target.value as IdentifierType)}
            >
              {identifierTypes.map((t) => (
                <option key={t} value={t}>
                  {identifierTypeLabels[t]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="identifier-value" label="Value" error={errors.value} hint={`Expected: ${expectedFormats[type]}`}>
            <Input
              id="identifier-value"
              name="value"
              autoComplete="off"
              {...invalidProps("identifier-value", errors.value)}
            />
          </Field>
          <Field id="identifier-confidence" label="Confidence" error={errors.confidence}>
            <Input id="identifier-confidence" name="confidence" type="number" min={0} max={100} defaultValue={50} />
          </Field>
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          {(extras[type] ?? []).map((extra) => (
            <Field
              key={`${type}-${extra.name}-${defaultRegion ?? ""}`}
              id={`identifier-${extra.name}`}
              label={extra.label}
              hint={
                extra.name === "defaultCountry" && defaultRegion
                  ? `${defaultRegion}: where the persona claims to be. Two letters, e.g. US or GB`
                  : extra.hint
              }
              error={errors[extra.name] ?? errors[`attributes.${extra.name}`]}
            >
              {extra.options ? (
                <Select id={`identifier-${extra.name}`} name={extra.name} defaultValue="">
                  {extra.options.map((o) => (
                    <option key={o} value={o}>
                      {optionLabels[o] ?? o}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  id={`identifier-${extra.name}`}
                  name={extra.name}
                  autoComplete="off"
                  defaultValue={extra.name === "defaultCountry" ? (defaultRegion ?? "") : undefined}
                />
              )}
            </Field>
          ))}
          <ExhibitPicker
            id="identifier-source"
            name="sourceEvidenceId"
            label="Source evidence (optional)"
            cases={cases}
            error={errors.sourceEvidenceId}
            emptyText={cases.length === 0 ? "In no case yet, so no exhibits to name" : undefined}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="unparsed" />
          If it cannot be parsed, store it exactly as entered (marked unparsed)
        </label>
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <div>
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add identifier"}
          </Button>
        </div>
      </form>
      {result ? (
        <div role="status" aria-live="polite" className="flex flex-col gap-2">
          <p className="text-sm">
            Added {identifierTypeLabels[result.type].toLowerCase()}{" "}
            <span className="font-mono">{result.normalizedValue}</span>.
            {result.matches.message ? "" : " No other persona holds it."}
          </p>
          <CorrelationNotice matches={result.matches} />
        </div>
      ) : null}
    </div>
  );
}
