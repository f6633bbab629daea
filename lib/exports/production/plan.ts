import path from "node:path";
import type { PackEvidence } from "../data";
import type { IncludedItem } from "../plan";
import { type DatRecord, type OptLine } from "./load-files";

export const PRODUCTION_DIR = "production";
const DIGITS = 6;

export interface ProducedItem {
  item: PackEvidence;
  /** One Bates number per page, in order: the first is BEGBATES, the last ENDBATES. */
  bates: string[];
  /** Paths in the pack. */
  nativePath: string;
  imagePath: string;
  textPath: string | null;
}

export const batesNumber = (prefix: string, n: number) => `${prefix}${String(n).padStart(DIGITS, "0")}`;

/** The number in a Bates label of this prefix, or null when it is not one. */
export function batesValue(prefix: string, label: string): number | null {
  if (!label.startsWith(prefix)) return null;
  const digits = label.slice(prefix.length);
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/**
 * Bates numbers page by page, in exhibit order, from `first`: each document is named by its first
 * page's number (its native, its page images and its text), the usual form of a production.
 */
export function planProduction(
  documents: readonly { item: IncludedItem["item"]; pages: number; hasText: boolean }[],
  prefix: string,
  first: number,
): ProducedItem[] {
  let next = first;
  return documents.map(({ item, pages, hasText }) => {
    const bates = Array.from({ length: pages }, (_, i) => batesNumber(prefix, next + i));
    next += pages;
    const begin = bates[0]!;
    const ext = path
      .extname(item.originalName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, "")
      .slice(0, 10);
    return {
      item,
      bates,
      nativePath: `${PRODUCTION_DIR}/NATIVES/${begin}${ext}`,
      imagePath: `${PRODUCTION_DIR}/IMAGES/${begin}.pdf`,
      textPath: hasText ? `${PRODUCTION_DIR}/TEXT/${begin}.txt` : null,
    };
  });
}

const relative = (p: string) => p.slice(PRODUCTION_DIR.length + 1).replaceAll("/", "\\");

export function datRecords(items: readonly ProducedItem[]): DatRecord[] {
  return items.map(({ item, bates, nativePath, textPath }) => ({
    BEGBATES: bates[0]!,
    ENDBATES: bates[bates.length - 1]!,
    PAGECOUNT: String(bates.length),
    EXHIBIT: item.exhibitNo,
    TITLE: item.title,
    FILENAME: item.originalName,
    SHA256: item.sha256,
    CUSTODIAN: item.collectedBy ?? item.uploadedBy ?? "",
    DATECOLLECTED: (item.collectedAt ?? item.createdAt).slice(0, 10),
    NATIVEPATH: relative(nativePath),
    TEXTPATH: textPath ? relative(textPath) : "",
  }));
}

/** One line per page, each naming the document's page-image file; the first line breaks the document and gives its page count. */
export function optLines(items: readonly ProducedItem[], volume: string): OptLine[] {
  return items.flatMap(({ bates, imagePath }) =>
    bates.map((key, i) => ({
      imageKey: key,
      volume,
      path: relative(imagePath),
      documentBreak: i === 0,
      pages: i === 0 ? bates.length : null,
    })),
  );
}
