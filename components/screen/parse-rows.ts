import Papa from "papaparse";
import { identifierTypes } from "@/lib/personas/constants";

export interface ScreenRow {
  type: string;
  value: string;
  /** Where the row came from, for the results table (line, or line and column). */
  source: string;
}

const columnAliases: Record<string, string> = {
  wallet: "crypto_wallet",
  crypto: "crypto_wallet",
  address: "postal_address",
  iban: "bank_account",
  mobile: "phone",
  telephone: "phone",
  github: "social_handle",
  linkedin: "social_handle",
  handle: "social_handle",
  serial: "device",
  ip_address: "ip",
  website: "domain",
};

const typeOf = (header: string): string | null => {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if ((identifierTypes as readonly string[]).includes(key)) return key;
  return columnAliases[key] ?? null;
};

/**
 * Reads pasted lines or a CSV file. Two shapes are understood: rows of `type,value` (with or
 * without that header), and an applicant-tracking export whose column headers name identifier
 * types (email, phone, wallet…), where every non-empty cell becomes one row to screen.
 */
export function parseScreenRows(text: string): ScreenRow[] {
  const { data } = Papa.parse<string[]>(text.trim(), { skipEmptyLines: "greedy" });
  if (data.length === 0) return [];
  const header = data[0]!.map((h) => h.trim().toLowerCase());
  const typeValueHeader = header[0] === "type" && header[1] === "value";
  const columnTypes = header.map(typeOf);
  const typedColumns = columnTypes.filter(Boolean).length;
  // A header naming two identifier types, or one among several columns, is an export's header row.
  const wide = !typeValueHeader && (typedColumns >= 2 || (header.length > 2 && typedColumns >= 1));
  const rows: ScreenRow[] = [];
  if (wide) {
    data.slice(1).forEach((cells, r) =>
      cells.forEach((cell, c) => {
        const type = columnTypes[c];
        if (type && cell.trim()) rows.push({ type, value: cell.trim(), source: `line ${r + 2}, ${data[0]![c]}` });
      }),
    );
    return rows;
  }
  data.slice(typeValueHeader ? 1 : 0).forEach((cells, r) => {
    const [type = "", ...rest] = cells;
    const value = rest.join(",").trim();
    if (type.trim() || value)
      rows.push({ type: typeOf(type) ?? type.trim(), value, source: `line ${r + (typeValueHeader ? 2 : 1)}` });
  });
  return rows;
}
