import path from "node:path";
import type { PackEvidence } from "../data";
import type { IncludedItem } from "../plan";
import { type DatRecord, type OptLine } from "./load-files";

export const PRODUCTION_DIR = "production";
const DIGITS = 6;

export interface ProducedItem {
  item: PackEvidence;
  bates: string;
  /** The native's path in the pack. */
  nativePath: string;
}

export const batesNumber = (prefix: string, n: number) => `${prefix}${String(n).padStart(DIGITS, "0")}`;

/**
 * One Bates number per document, in exhibit order, from the start number: each exhibit is produced
 * as its native file named by its number, the usual form for files produced natively.
 */
export function planProduction(
  included: readonly IncludedItem[],
  production: { batesPrefix: string; startNumber: number },
): ProducedItem[] {
  return included.map(({ item }, i) => {
    const bates = batesNumber(production.batesPrefix, production.startNumber + i);
    const ext = path
      .extname(item.originalName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, "")
      .slice(0, 10);
    return { item, bates, nativePath: `${PRODUCTION_DIR}/NATIVES/${bates}${ext}` };
  });
}

const relative = (p: string) => p.slice(PRODUCTION_DIR.length + 1);

export function datRecords(items: readonly ProducedItem[]): DatRecord[] {
  return items.map(({ item, bates, nativePath }) => ({
    BEGBATES: bates,
    ENDBATES: bates,
    EXHIBIT: item.exhibitNo,
    TITLE: item.title,
    FILENAME: item.originalName,
    SHA256: item.sha256,
    CUSTODIAN: item.collectedBy ?? item.uploadedBy ?? "",
    DATECOLLECTED: (item.collectedAt ?? item.createdAt).slice(0, 10),
    NATIVEPATH: relative(nativePath).replaceAll("/", "\\"),
  }));
}

export function optLines(items: readonly ProducedItem[], volume: string): OptLine[] {
  return items.map(({ bates, nativePath }) => ({
    imageKey: bates,
    volume,
    path: relative(nativePath),
    documentBreak: true,
    pages: 1,
  }));
}
