"use client";

import { useQueries } from "@tanstack/react-query";
import { Field, invalidProps } from "@/components/cases/field";
import { Select } from "@/components/ui/select";
import { evidenceListQuery } from "@/lib/client/hooks/use-evidence";
import type { EvidenceView } from "@/lib/evidence/views";
import { kindLabels } from "./labels";

interface ExhibitPickerProps {
  id: string;
  label: string;
  /** The cases whose live exhibits may be chosen; with more than one, options are grouped by case. */
  cases: { id: string; ref: string }[];
  name?: string;
  value?: string;
  onChange?: (evidenceId: string) => void;
  error?: string;
  hint?: string;
  /** Said in place of the list when none of the cases has an exhibit. */
  emptyText?: string;
}

const optionText = (e: EvidenceView) => `${e.exhibitNo} · ${e.title} (${kindLabels[e.kind]})`;

/**
 * Chooses an evidence item by what people know it as: exhibit number, title and kind. A native
 * select, so it is keyboard usable and announced as a list; deleted items are not in the lists.
 */
export function ExhibitPicker({
  id,
  label,
  cases,
  name,
  value,
  onChange,
  error,
  hint,
  emptyText = "No exhibits in this case yet",
}: ExhibitPickerProps) {
  const lists = useQueries({ queries: cases.map((c) => evidenceListQuery(c.id)) });
  const loading = lists.some((l) => l.isPending);
  const failed = lists.find((l) => l.error)?.error;
  const groups = cases.map((c, i) => ({ ...c, items: lists[i]?.data?.items ?? [] }));
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  const known = value === undefined || value === "" || groups.some((g) => g.items.some((e) => e.id === value));
  // Controlled when a value is given; otherwise the form reads it by name.
  const control =
    value === undefined
      ? { defaultValue: "" }
      : { value, onChange: (e: { target: { value: string } }) => onChange?.(e.target.value) };

  const state = loading ? "Loading exhibits…" : failed ? `Could not load the exhibits: ${failed.message}` : null;
  const empty = !state && count === 0;
  return (
    <Field
      id={id}
      label={label}
      error={error}
      hint={empty ? "Upload evidence on the case’s Evidence tab first." : hint}
    >
      <Select
        id={id}
        name={name}
        disabled={Boolean(state) || (empty && known)}
        {...control}
        {...invalidProps(id, error)}
      >
        {state ? <option value="">{state}</option> : empty ? <option value="">{emptyText}</option> : null}
        {!state && !empty ? <option value="">None</option> : null}
        {!known ? <option value={value}>The linked item (no longer in the case)</option> : null}
        {groups.length > 1
          ? groups
              .filter((g) => g.items.length > 0)
              .map((g) => (
                <optgroup key={g.id} label={g.ref}>
                  {g.items.map((e) => (
                    <option key={e.id} value={e.id}>
                      {optionText(e)}
                    </option>
                  ))}
                </optgroup>
              ))
          : groups[0]?.items.map((e) => (
              <option key={e.id} value={e.id}>
                {optionText(e)}
              </option>
            ))}
      </Select>
    </Field>
  );
}
