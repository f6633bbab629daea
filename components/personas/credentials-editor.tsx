"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ClaimedCredential } from "@/db/schema/personas";
import { verificationLabels } from "./labels";

interface CredentialsEditorProps {
  legend: string;
  idPrefix: string;
  value: ClaimedCredential[];
  onChange: (next: ClaimedCredential[]) => void;
}

/** Claimed schools or employers, each with how far it has been verified. */
export function CredentialsEditor({ legend, idPrefix, value, onChange }: CredentialsEditorProps) {
  const [rows, setRows] = useState(value);
  const update = (next: ClaimedCredential[]) => {
    setRows(next);
    onChange(next);
  };
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border p-3">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {rows.map((row, i) => (
        <div key={i} className="grid gap-2 sm:grid-cols-[1fr_1fr_11rem_auto]">
          <Input
            aria-label={`${legend} ${i + 1}: name`}
            id={`${idPrefix}-${i}-name`}
            value={row.name}
            onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))}
          />
          <Input
            aria-label={`${legend} ${i + 1}: detail`}
            placeholder="Detail (years, role…)"
            value={row.detail ?? ""}
            onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, detail: e.target.value } : r)))}
          />
          <Select
            aria-label={`${legend} ${i + 1}: verification`}
            value={row.verification}
            onChange={(e) =>
              update(
                rows.map((r, j) =>
                  j === i ? { ...r, verification: e.target.value as ClaimedCredential["verification"] } : r,
                ),
              )
            }
          >
            {Object.entries(verificationLabels).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </Select>
          <Button type="button" variant="ghost" size="sm" onClick={() => update(rows.filter((_r, j) => j !== i))}>
            Remove
          </Button>
        </div>
      ))}
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => update([...rows, { name: "", verification: "unverified" }])}
        >
          Add{" "}
          {legend
            .toLowerCase()
            .replace(/^claimed /, "")
            .replace(/s$/, "")}
        </Button>
      </div>
    </fieldset>
  );
}
