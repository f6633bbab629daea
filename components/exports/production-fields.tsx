"use client";

import { invalidProps } from "@/components/cases/field";
import { Input } from "@/components/ui/input";

export interface ProductionChoice {
  on: boolean;
  prefix: string;
  start: string;
}

/** The production option of an export: a Bates prefix and, optionally, the first number. */
export function ProductionFields({
  value,
  onChange,
  errors,
}: {
  value: ProductionChoice;
  onChange: (next: ProductionChoice) => void;
  errors: Record<string, string>;
}) {
  const prefixError = errors["options.production.batesPrefix"];
  const startError = errors["options.production.startNumber"];
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-semibold">Production for review platforms</legend>
      <div className="flex items-start gap-2">
        <input
          id="export-production"
          type="checkbox"
          className="mt-0.5 size-4"
          checked={value.on}
          onChange={(e) => onChange({ ...value, on: e.target.checked })}
        />
        <label htmlFor="export-production" className="text-sm">
          Add a production (production/)
          <span className="block text-xs text-muted-foreground">
            Every page Bates-numbered, natives and extracted text, Concordance DAT and Opticon OPT load files, and a
            privilege log of the privileged items withheld.
          </span>
        </label>
      </div>
      {value.on ? (
        <div className="ml-6 grid gap-3 sm:grid-cols-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="export-bates-prefix" className="text-xs font-medium">
              Bates prefix
            </label>
            <Input
              id="export-bates-prefix"
              value={value.prefix}
              maxLength={20}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onChange({ ...value, prefix: e.target.value })}
              required
              {...invalidProps("export-bates-prefix", prefixError)}
            />
            {prefixError ? (
              <p id="export-bates-prefix-error" className="text-xs text-destructive">
                {prefixError}
              </p>
            ) : (
              <p className="text-xs text-muted-foreground">Letters, digits, “-” or “_”, e.g. ACME</p>
            )}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="export-bates-start" className="text-xs font-medium">
              First number (optional)
            </label>
            <Input
              id="export-bates-start"
              inputMode="numeric"
              value={value.start}
              onChange={(e) => onChange({ ...value, start: e.target.value })}
              {...invalidProps("export-bates-start", startError)}
            />
            {startError ? (
              <p id="export-bates-start-error" className="text-xs text-destructive">
                {startError}
              </p>
            ) : (
              <p className="text-xs text-muted-foreground">
                Left empty, numbers continue after this case’s last production with this prefix.
              </p>
            )}
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}

/** The request's production option, or the field errors that stop it being sent. */
export function productionOption(
  choice: ProductionChoice,
):
  | { ok: true; value: { batesPrefix: string; startNumber?: number } | null }
  | { ok: false; errors: Record<string, string> } {
  if (!choice.on) return { ok: true, value: null };
  const prefix = choice.prefix.trim();
  const errors: Record<string, string> = {};
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(prefix))
    errors["options.production.batesPrefix"] = prefix
      ? "Use 1 to 20 letters, digits, “-” or “_”"
      : "Give the prefix the Bates numbers start with";
  const start = choice.start.trim();
  if (start && !/^[1-9]\d{0,7}$/.test(start))
    errors["options.production.startNumber"] = "A whole number from 1 to 99,999,999";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { batesPrefix: prefix, ...(start ? { startNumber: Number(start) } : {}) } };
}
