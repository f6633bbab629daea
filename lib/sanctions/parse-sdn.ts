import Papa from "papaparse";
import { AppError } from "@/lib/errors";
import { addUnique, emptyEntry, type ListedIdentifier, type ParsedEntry } from "./parsed";

/*
 * OFAC's legacy SDN files: sdn.csv (ent_num, name, type, program, title, call sign, vessel type,
 * tonnage, GRT, vessel flag, vessel owner, remarks), alt.csv (ent_num, alt_num, type, name,
 * remarks) and add.csv (ent_num, add_num, address, city/state/postcode, country, remarks). No
 * header; "-0-" means empty; Windows-1252; the file ends with a DOS end-of-file byte. The remarks
 * carry what screening needs as "; "-separated items, and are cut at 1,000 characters.
 */

const REMARKS_LIMIT = 1000;

/** The bytes of an OFAC file as text (Windows-1252, DOS end-of-file byte dropped). */
export function decodeOfacFile(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(/\x1a\s*$/, "");
}

function rows(text: string, columns: number, file: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  const bad = parsed.errors.find((e) => e.type !== "Delimiter");
  if (bad) throw listError(`${file}: ${bad.message} (row ${(bad.row ?? 0) + 1})`);
  const out = parsed.data.filter((r) => !(r.length === 1 && r[0]!.trim() === ""));
  const short = out.findIndex((r) => r.length < columns);
  if (short >= 0)
    throw listError(`${file}: row ${short + 1} has ${out[short]!.length} columns where ${columns} are expected`);
  return out;
}

export const listError = (message: string) => new AppError("bad_request", message, [{ path: "file", message }]);

const field = (v: string | undefined): string | null => {
  const s = (v ?? "").trim();
  return s === "" || s === "-0-" ? null : s;
};

const documentLabels: [RegExp, string][] = [
  [/^Passport\s+(\S+)/i, "Passport"],
  [/^National ID No\.\s+(\S+)/i, "National ID No."],
  [/^Identification Number\s+(\S+)/i, "Identification Number"],
  [/^Citizen's Card Number\s+(\S+)/i, "Citizen's Card Number"],
  [/^Cedula No\.\s+(\S+)/i, "Cedula No."],
];

/** Reads one "; "-separated remarks item into the entry; items screening has no use for are left in the text. */
function readRemark(entry: ParsedEntry, raw: string): void {
  const item = raw.replace(/^alt\.\s+/i, "").trim();
  let m: RegExpExecArray | null;
  if ((m = /^[afn]\.k\.a\.,?\s+'(.+)'$/i.exec(item))) return addUnique(entry.aliases, m[1]!.trim());
  if ((m = /^DOB\s+(.+)$/i.exec(item))) return addUnique(entry.birthDates, m[1]!.trim());
  if ((m = /^(?:nationality|citizen)\s+(.+)$/i.exec(item))) return addUnique(entry.nationalities, m[1]!.trim());
  if ((m = /^Digital Currency Address - (\w+)\s+(\S+)$/i.exec(item)))
    return addIdentifier(entry, { type: "crypto_wallet", value: m[2]!, chain: m[1]! });
  if ((m = /^Email Address\s+(\S+)$/i.exec(item))) return addIdentifier(entry, { type: "email", value: m[1]! });
  if ((m = /^Website\s+(\S+)$/i.exec(item))) return addIdentifier(entry, { type: "domain", value: m[1]! });
  for (const [pattern, label] of documentLabels) {
    if ((m = pattern.exec(item)))
      return addIdentifier(entry, { type: "government_id", value: m[1]!.replace(/[,;]$/, ""), label });
  }
}

const addIdentifier = (entry: ParsedEntry, id: ListedIdentifier) =>
  addUnique(entry.identifiers, id, (a, b) => a.type === b.type && a.value === b.value);

/** Splits the remarks into items: "; " between items, a final "." closing the last one. */
export function remarkItems(remarks: string): string[] {
  return remarks
    .replace(/\.\s*$/, "")
    .split(/;\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface SdnFiles {
  sdn: string;
  alt?: string;
  add?: string;
}

export function parseSdn({ sdn, alt, add }: SdnFiles): ParsedEntry[] {
  const byNum = new Map<string, ParsedEntry>();
  for (const r of rows(sdn, 12, "sdn.csv")) {
    const entNum = field(r[0]);
    const name = field(r[1]);
    if (!entNum || !/^\d+$/.test(entNum) || !name)
      throw listError(`sdn.csv: a row without an entry number or name (${r.slice(0, 2).join(",")})`);
    const entry = emptyEntry(entNum, name, field(r[2]) ?? "entity");
    entry.programs = (field(r[3]) ?? "")
      .split(/\]\s*\[/)
      .map((p) => p.replace(/[[\]]/g, "").trim())
      .filter(Boolean);
    entry.title = field(r[4]);
    const remarks = field(r[11]);
    if (remarks) {
      entry.remarks = remarks;
      entry.remarksCut = (r[11] ?? "").length >= REMARKS_LIMIT;
      for (const item of remarkItems(remarks)) readRemark(entry, item);
    }
    byNum.set(entNum, entry);
  }
  if (alt)
    for (const r of rows(alt, 4, "alt.csv")) {
      const name = field(r[3]);
      const entry = byNum.get(field(r[0]) ?? "");
      if (entry && name) addUnique(entry.aliases, name);
    }
  if (add)
    for (const r of rows(add, 5, "add.csv")) {
      const entry = byNum.get(field(r[0]) ?? "");
      const address = [r[2], r[3], r[4]].map(field).filter(Boolean).join(", ");
      if (entry && address) addUnique(entry.addresses, address);
    }
  return [...byNum.values()];
}
