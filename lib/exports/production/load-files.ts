/*
 * Load files for review platforms (Relativity, Everlaw and others that read Concordance and
 * Opticon files). Concordance DAT: one record a line, fields separated by ASCII 20 (0x14), each
 * wrapped in the text qualifier þ (U+00FE); a line break inside a field is written as ® (U+00AE).
 * Opticon OPT: comma-separated, one line per page image, no header.
 */
export const DAT_SEPARATOR = "\u0014";
export const DAT_QUOTE = "\u00FE";
export const DAT_NEWLINE = "\u00AE";

export const DAT_FIELDS = [
  "BEGBATES",
  "ENDBATES",
  "PAGECOUNT",
  "EXHIBIT",
  "TITLE",
  "FILENAME",
  "SHA256",
  "CUSTODIAN",
  "DATECOLLECTED",
  "NATIVEPATH",
  "TEXTPATH",
] as const;
export type DatRecord = Record<(typeof DAT_FIELDS)[number], string>;

// The qualifier and separator cannot appear inside a field; line breaks become the newline mark.
const field = (value: string) =>
  `${DAT_QUOTE}${value
    .replace(/\r\n|\r|\n/g, DAT_NEWLINE)
    .replaceAll(DAT_QUOTE, "")
    .replaceAll(DAT_SEPARATOR, " ")}${DAT_QUOTE}`;

/** The DAT in UTF-8 with a byte-order mark (how the platforms tell UTF-8 from ANSI), CRLF line ends. */
export function concordanceDat(records: readonly DatRecord[]): Buffer {
  const lines = [DAT_FIELDS.map(field).join(DAT_SEPARATOR)];
  for (const r of records) lines.push(DAT_FIELDS.map((f) => field(r[f])).join(DAT_SEPARATOR));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

export interface OptLine {
  imageKey: string;
  volume: string;
  /** Relative to the production folder, with backslashes as the platforms expect. */
  path: string;
  documentBreak: boolean;
  pages: number | null;
}

/** Opticon: ImageKey,Volume,Path,DocumentBreak(Y or blank),FolderBreak,BoxBreak,PageCount. */
export function opticonOpt(lines: readonly OptLine[]): Buffer {
  const text = lines
    .map((l) =>
      [l.imageKey, l.volume, l.path.replaceAll("/", "\\"), l.documentBreak ? "Y" : "", "", "", l.pages ?? ""].join(","),
    )
    .join("\r\n");
  return Buffer.from(`${text}\r\n`, "utf8");
}

/** Reads a DAT back into records (for tests and checks): the inverse of concordanceDat. */
export function parseDat(bytes: Buffer): DatRecord[] {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = text.split("\r\n").filter((l) => l !== "");
  const unquote = (f: string) => {
    if (!f.startsWith(DAT_QUOTE) || !f.endsWith(DAT_QUOTE)) throw new Error(`unqualified DAT field: ${f}`);
    return f.slice(1, -1).replaceAll(DAT_NEWLINE, "\n");
  };
  const names = (header ?? "").split(DAT_SEPARATOR).map(unquote);
  return rows.map((row) => {
    const values = row.split(DAT_SEPARATOR).map(unquote);
    if (values.length !== names.length) throw new Error(`a DAT row has ${values.length} fields, not ${names.length}`);
    return Object.fromEntries(names.map((n, i) => [n, values[i]!])) as DatRecord;
  });
}
