import Papa from "papaparse";

export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV (quoted where needed, CRLF line ends, a final line end) with a byte-order mark so
 * spreadsheet programs read it as UTF-8 rather than guessing a legacy code page and garbling
 * names like "Zoë". Text cells starting with = + - @ (or tab, CR) get a leading single quote:
 * names, reasons and details are user-supplied, and a spreadsheet would otherwise run them as
 * formulas. The one CSV writer for every download: dashboard tables, custody logs, packs.
 */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((row) => row.map((cell) => cell ?? ""));
  const body = Papa.unparse({ fields: [...fields], data }, { escapeFormulae: true, newline: "\r\n" });
  return `\uFEFF${body}${body.endsWith("\r\n") ? "" : "\r\n"}`;
}
