import type { IdentifierType } from "@/db/schema";
import { tryNormalizeIdentifier } from "@/lib/identifiers/normalize";
import type { NormalizedIdentifier } from "@/lib/identifiers/types";
import { type ImportError, type ImportMapping, type ImportPersonaField, importPersonaFields } from "./constants";
import type { Sheet } from "./read-sheet";

export interface PlannedPersona {
  displayName: string;
  aliases: string[];
  claimedLocation: string | null;
  claimedTimezone: string | null;
  claimedNationality: string | null;
  notes: string;
}

/** A row ready to write: its persona's fields and identifiers, each already normalised. */
export interface PlannedRow {
  row: number;
  key: string;
  persona: PlannedPersona;
  identifiers: NormalizedIdentifier[];
}

export interface Plan {
  rows: PlannedRow[];
  /** Rows refused before anything is looked up, with every problem each has. */
  refused: { row: number; key: string; errors: ImportError[] }[];
}

const limits: Record<ImportPersonaField, number> = {
  displayName: 200,
  aliases: 200,
  claimedLocation: 200,
  claimedTimezone: 100,
  claimedNationality: 100,
  notes: 20_000,
};
const isField = (target: string): target is ImportPersonaField =>
  (importPersonaFields as readonly string[]).includes(target);

/** Several values in one cell are separated by semicolons or line breaks (a postal address keeps its own). */
const valuesOf = (cell: string, type: IdentifierType) =>
  (type === "postal_address" ? [cell] : cell.split(/[;\n]/)).map((v) => v.trim()).filter((v) => v !== "");

/** Columns the mapping names that the file lacks, as errors on the header row. */
export function missingColumns(sheet: Sheet, mapping: ImportMapping): ImportError[] {
  const have = new Set(sheet.headers);
  return [mapping.key, ...Object.keys(mapping.columns)]
    .filter((name) => !have.has(name))
    .map((column) => ({ row: 1, column, message: `The file has no column "${column}"` }));
}

/**
 * Reads rows through the mapping: persona fields checked, identifiers normalised as when typed
 * (phones without a country code in `phoneRegion`). A row with any problem is refused whole, so a
 * half-understood record never becomes a persona. The planner answers for the rows handed to it,
 * part after part of one sheet in order (a key is refused when an earlier part already had it).
 */
export function rowPlanner(
  sheet: Sheet,
  mapping: ImportMapping,
  phoneRegion: string | undefined,
): (rows: Sheet["rows"]) => Plan {
  const index = new Map(sheet.headers.map((h, i) => [h, i] as const));
  const keyAt = index.get(mapping.key) ?? -1;
  const mapped = Object.entries(mapping.columns).map(([column, target]) => ({
    column,
    target,
    at: index.get(column) ?? -1,
  }));
  const firstRowOf = new Map<string, number>();
  // An export repeats values (a shared office phone, a recruiter's e-mail): each distinct one is
  // normalised once; phone numbers above all cost tens of microseconds each.
  const read = new Map<string, ReturnType<typeof tryNormalizeIdentifier>>();
  const normalize = (type: IdentifierType, value: string) => {
    const id = `${type}\u0000${value}`;
    let known = read.get(id);
    if (!known) read.set(id, (known = tryNormalizeIdentifier({ type, value, defaultCountry: phoneRegion })));
    return known;
  };
  return (rows) => {
    const plan: Plan = { rows: [], refused: [] };
    for (const { row, cells } of rows) {
      const errors: ImportError[] = [];
      const fail = (column: string | null, message: string) => errors.push({ row, column, message });
      const key = (cells[keyAt] ?? "").trim();
      if (key === "") fail(mapping.key, "The record has no id in the key column");
      else if (key.length > 200) fail(mapping.key, "The id is longer than 200 characters");
      else if (firstRowOf.has(key)) fail(mapping.key, `The same id as row ${firstRowOf.get(key)}`);
      else firstRowOf.set(key, row);
      const persona: PlannedPersona = {
        displayName: "",
        aliases: [],
        claimedLocation: null,
        claimedTimezone: null,
        claimedNationality: null,
        notes: "",
      };
      const identifiers = new Map<string, NormalizedIdentifier>();
      for (const { column, target, at } of mapped) {
        const cell = (cells[at] ?? "").trim();
        if (isField(target)) {
          if (cell.length > limits[target]) fail(column, `At most ${limits[target]} characters`);
          else if (target === "aliases")
            persona.aliases = [
              ...new Set([
                ...persona.aliases,
                ...cell
                  .split(";")
                  .map((a) => a.trim())
                  .filter(Boolean),
              ]),
            ];
          else if (target === "displayName" || target === "notes") persona[target] = cell;
          else persona[target] = cell || null;
          continue;
        }
        // The mapping was checked against the identifier types when the import was started.
        const type = target as IdentifierType;
        for (const value of valuesOf(cell, type)) {
          const result = normalize(type, value);
          if (!result.ok) fail(column, `${value}: ${result.message}`);
          else identifiers.set(`${target}\u0000${result.identifier.normalizedValue}`, result.identifier);
        }
      }
      if (persona.displayName === "" && !errors.some((e) => e.column === columnOf(mapping, "displayName")))
        fail(columnOf(mapping, "displayName"), "The record has no name");
      if (errors.length > 0) plan.refused.push({ row, key, errors });
      else plan.rows.push({ row, key, persona, identifiers: [...identifiers.values()] });
    }
    return plan;
  };
}

/** Every row of a sheet at once (rowPlanner). */
export const planRows = (sheet: Sheet, mapping: ImportMapping, phoneRegion: string | undefined): Plan =>
  rowPlanner(sheet, mapping, phoneRegion)(sheet.rows);

const columnOf = (mapping: ImportMapping, target: string) =>
  Object.entries(mapping.columns).find(([, t]) => t === target)?.[0] ?? null;
