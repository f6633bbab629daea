import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { evidenceTextPages, evidenceTexts } from "@/db/schema";
import { toCsv } from "@/lib/csv";
import type { BlobStore } from "@/lib/storage";
import type { PackEvidence } from "../data";
import type { IncludedItem, LeftOutItem } from "../plan";
import { countPages, pageSource, stampedPages } from "./images";
import { concordanceDat, opticonOpt } from "./load-files";
import { datRecords, optLines, planProduction, PRODUCTION_DIR } from "./plan";
import type { PackWriter } from "../zip-writer";

export interface WithheldItem {
  exhibitNo: string;
  title: string;
  fileName: string;
  sha256: string;
  collectedAt: string;
  custodian: string;
  reason: string;
}

export interface ProductionSummary {
  batesPrefix: string;
  firstBates: string | null;
  lastBates: string | null;
  documents: number;
  pages: number;
  loadFile: string;
  imageLoadFile: string;
  /** Privileged items kept out of the production, each with the reason (also in privilegeLog). */
  withheld: WithheldItem[];
  privilegeLog: string | null;
}

interface ProductionInput {
  writer: PackWriter;
  store: BlobStore;
  included: readonly IncludedItem[];
  leftOut: readonly LeftOutItem[];
  production: { batesPrefix: string; startNumber?: number };
  /** Takes the range of Bates numbers for this many pages (see bates.ts) and answers its first number. */
  takeRange: (pages: number) => Promise<number>;
  onMismatch: (item: PackEvidence) => Promise<never>;
}

/** The item's extracted text by page, when extraction produced any. */
async function extractedText(evidenceId: string): Promise<string[] | null> {
  const [row] = await db
    .select({ status: evidenceTexts.status })
    .from(evidenceTexts)
    .where(eq(evidenceTexts.evidenceId, evidenceId));
  if (!row || !["done", "partial"].includes(row.status)) return null;
  const pages = await db
    .select({ text: evidenceTextPages.text })
    .from(evidenceTextPages)
    .where(eq(evidenceTextPages.evidenceId, evidenceId))
    .orderBy(asc(evidenceTextPages.page));
  return pages.length > 0 && pages.some((p) => p.text.trim() !== "") ? pages.map((p) => p.text) : null;
}

/** Which of these items have extracted text, in one query. */
async function withText(ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: evidenceTexts.evidenceId })
    .from(evidenceTexts)
    .where(and(inArray(evidenceTexts.evidenceId, [...ids]), inArray(evidenceTexts.status, ["done", "partial"])));
  return new Set(rows.map((r) => r.id));
}

/**
 * production/: every packed exhibit as page images stamped page by page with Bates numbers
 * (IMAGES/), its native (NATIVES/) and its extracted text (TEXT/), each named by the first page's
 * number, with a Concordance DAT, an Opticon OPT and a privilege log of the privileged items
 * withheld (DATA/). Written before the manifest, which lists every file with its SHA-256, so the
 * signature covers the production too. A native whose bytes differ from the recorded hash stops
 * the build, as an evidence file does.
 */
export async function writeProduction(input: ProductionInput): Promise<ProductionSummary> {
  const { writer, store, included, leftOut, production, takeRange, onMismatch } = input;
  const prefix = production.batesPrefix;
  const bytesOf = async (item: PackEvidence) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(item.sha256)) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  };
  const source = (item: PackEvidence) =>
    pageSource(
      item,
      () => bytesOf(item),
      () => extractedText(item.id),
    );

  // Pass one counts the pages, so the range is taken once and whole; pass two stamps and writes.
  const texts = await withText(included.map((i) => i.item.id));
  const documents: { item: PackEvidence; pages: number; hasText: boolean }[] = [];
  for (const { item } of included)
    documents.push({ item, pages: await countPages(item, await source(item)), hasText: texts.has(item.id) });
  const pages = documents.reduce((n, d) => n + d.pages, 0);
  const first = await takeRange(pages);
  const items = planProduction(documents, prefix, first);

  for (const p of items) {
    const entry = await writer.addStream(p.nativePath, await store.get(p.item.sha256), p.item.size);
    if (entry.sha256 !== p.item.sha256) await onMismatch(p.item);
    const itemSource = await source(p.item);
    await writer.addBuffer(p.imagePath, await stampedPages(p.item, itemSource, p.bates));
    if (p.textPath) {
      const pagesOfText = itemSource.kind === "text" ? itemSource.pages : await extractedText(p.item.id);
      if (pagesOfText) await writer.addBuffer(p.textPath, Buffer.from(pagesOfText.join("\f"), "utf8"));
    }
  }
  const base = `${PRODUCTION_DIR}/DATA/${prefix}`;
  await writer.addBuffer(`${base}.dat`, concordanceDat(datRecords(items)));
  await writer.addBuffer(`${base}.opt`, opticonOpt(optLines(items, `${prefix}_VOL001`)));

  const withheld: WithheldItem[] = leftOut
    .filter((l) => l.item.privileged)
    .map(({ item, reason }) => ({
      exhibitNo: item.exhibitNo,
      title: item.title,
      fileName: item.originalName,
      sha256: item.sha256,
      collectedAt: (item.collectedAt ?? item.createdAt).slice(0, 10),
      custodian: item.collectedBy ?? item.uploadedBy ?? "",
      reason,
    }));
  let privilegeLog: string | null = null;
  if (withheld.length > 0) {
    privilegeLog = `${base}_PRIVILEGE_LOG.csv`;
    await writer.addBuffer(
      privilegeLog,
      Buffer.from(
        toCsv(
          ["Exhibit", "Title", "File name", "Date collected", "Custodian", "SHA-256", "Reason withheld"],
          withheld.map((w) => [w.exhibitNo, w.title, w.fileName, w.collectedAt, w.custodian, w.sha256, w.reason]),
        ),
        "utf8",
      ),
    );
  }
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  return {
    batesPrefix: prefix,
    firstBates: firstItem?.bates[0] ?? null,
    lastBates: lastItem?.bates[lastItem.bates.length - 1] ?? null,
    documents: items.length,
    pages,
    loadFile: `${base}.dat`,
    imageLoadFile: `${base}.opt`,
    withheld,
    privilegeLog,
  };
}
