import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { Layout } from "../report/layout";
import type { PackEvidence } from "../data";

/*
 * The page images of a production: every produced document as PDF pages, each page stamped with
 * its own Bates number. A PDF exhibit keeps its pages; a PNG or JPEG becomes one page; any other
 * document with extracted text is printed from that text; the rest (and anything too large or
 * unreadable to image) get one slip sheet saying the document is produced in native form, the
 * practice review platforms expect for files that do not print.
 */

/** Beyond these a document is produced natively behind a slip sheet rather than imaged. */
export const MAX_IMAGED_BYTES = 100 * 1024 * 1024;
export const MAX_IMAGED_PAGES = 2_000;

export type PageSource =
  | { kind: "pdf"; doc: PDFDocument; pages: number }
  | { kind: "image"; bytes: Uint8Array; format: "png" | "jpeg" }
  | { kind: "text"; pages: string[] }
  | { kind: "slip"; reason: string };

const IMAGE_FORMATS: Record<string, "png" | "jpeg"> = { "image/png": "png", "image/jpeg": "jpeg" };

/**
 * What the document's pages are made of. `bytes` is asked for only where they are needed (PDFs
 * and images within the size limit); `text` is the item's extracted text by page, if any.
 */
export async function pageSource(
  item: PackEvidence,
  bytes: () => Promise<Uint8Array>,
  text: () => Promise<string[] | null>,
): Promise<PageSource> {
  const native = "Produced in native form";
  if (item.size > MAX_IMAGED_BYTES) return { kind: "slip", reason: `${native}: too large to image` };
  if (item.mimeType === "application/pdf") {
    try {
      const doc = await PDFDocument.load(await bytes(), { updateMetadata: false });
      const pages = doc.getPageCount();
      if (pages === 0) return { kind: "slip", reason: `${native}: the PDF has no pages` };
      if (pages > MAX_IMAGED_PAGES) return { kind: "slip", reason: `${native}: more than ${MAX_IMAGED_PAGES} pages` };
      return { kind: "pdf", doc, pages };
    } catch {
      return { kind: "slip", reason: `${native}: the PDF could not be read (encrypted or damaged)` };
    }
  }
  const format = IMAGE_FORMATS[item.mimeType];
  if (format) return { kind: "image", bytes: await bytes(), format };
  const pages = await text();
  if (pages && pages.some((p) => p.trim() !== "")) return { kind: "text", pages };
  return { kind: "slip", reason: native };
}

const A4 = { width: 595.28, height: 841.89 };

/**
 * Lays the document out, unstamped. Deterministic: the same source gives the same pages. A PDF
 * source's own document is returned, so a source is stamped once (pageSource is asked again for it).
 */
async function layOut(item: PackEvidence, source: PageSource): Promise<PDFDocument> {
  switch (source.kind) {
    case "pdf":
      return source.doc;
    case "image": {
      const doc = await PDFDocument.create();
      const image = source.format === "png" ? await doc.embedPng(source.bytes) : await doc.embedJpg(source.bytes);
      const page = doc.addPage([A4.width, A4.height]);
      const margin = 40;
      const bottom = 60;
      const scale = Math.min(1, (A4.width - 2 * margin) / image.width, (A4.height - margin - bottom) / image.height);
      const width = image.width * scale;
      const height = image.height * scale;
      page.drawImage(image, { x: (A4.width - width) / 2, y: A4.height - margin - height, width, height });
      return doc;
    }
    case "text": {
      const l = await Layout.create(source.pages.join("\n"));
      source.pages.forEach((text, i) => {
        if (i > 0) l.newPage();
        l.text(text, { size: 9 });
        if (l.doc.getPageCount() > MAX_IMAGED_PAGES) throw new TooManyPages();
      });
      return l.doc;
    }
    case "slip": {
      const l = await Layout.create(`${item.title}${item.originalName}`);
      l.heading(source.reason);
      l.fields(
        [
          ["Exhibit", item.exhibitNo],
          ["Title", item.title],
          ["File name", item.originalName],
          ["Type", item.mimeType],
          ["Size", `${item.size} bytes`],
          ["SHA-256", item.sha256],
        ],
        130,
        new Set(["SHA-256"]),
      );
      return l.doc;
    }
  }
}

class TooManyPages extends Error {}

/** The document laid out, falling back to a slip sheet when the text runs past the page limit. */
async function layOutBounded(item: PackEvidence, source: PageSource): Promise<PDFDocument> {
  try {
    return await layOut(item, source);
  } catch (error) {
    if (!(error instanceof TooManyPages)) throw error;
    return layOut(item, {
      kind: "slip",
      reason: `Produced in native form: more than ${MAX_IMAGED_PAGES} pages of text`,
    });
  }
}

/** How many pages the document will take (and so how many Bates numbers). */
export async function countPages(item: PackEvidence, source: PageSource): Promise<number> {
  if (source.kind === "pdf") return source.pages;
  if (source.kind === "image" || source.kind === "slip") return 1;
  return (await layOutBounded(item, source)).getPageCount();
}

/**
 * The document's pages with `bates[i]` stamped at the foot of page i, right-aligned in a white
 * box so it stays legible over page content. `bates` holds one number per page.
 */
export async function stampedPages(item: PackEvidence, source: PageSource, bates: readonly string[]): Promise<Buffer> {
  const doc = await layOutBounded(item, source);
  const pages = doc.getPages();
  if (pages.length !== bates.length)
    throw new Error(`${item.exhibitNo}: ${pages.length} pages laid out for ${bates.length} Bates numbers`);
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const size = 9;
  pages.forEach((page, i) => {
    const label = bates[i]!;
    const { x, y, width } = page.getCropBox();
    const textWidth = font.widthOfTextAtSize(label, size);
    const right = x + width - 18;
    page.drawRectangle({
      x: right - textWidth - 4,
      y: y + 10,
      width: textWidth + 8,
      height: size + 6,
      color: rgb(1, 1, 1),
    });
    page.drawText(label, { x: right - textWidth, y: y + 13, size, font, color: rgb(0, 0, 0) });
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
