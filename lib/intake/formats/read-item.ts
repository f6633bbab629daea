import { detectMimeType, SNIFF_BYTES } from "@/lib/evidence/detect";
import { textFormatOf, type TextFormat } from "./detect";
import { extractDocx } from "./docx";
import { emailExtractor } from "./email";
import { extractHtml } from "./html";
import { extractImage } from "./image";
import { extractPdf } from "./pdf";
import { extractPlainText } from "./text";
import { UnsupportedFormat, type ExtractContext, type Extractor, type TextPage } from "./types";
import { extractXlsx } from "./xlsx";
import { extractZipListing } from "./zip";

const extractors: Record<TextFormat, Extractor> = {
  pdf: extractPdf,
  docx: extractDocx,
  xlsx: extractXlsx,
  email: emailExtractor(readAttachment),
  html: extractHtml,
  text: extractPlainText,
  image: extractImage,
  zip: extractZipListing,
};

/** The format an item is read as and its pages; UnsupportedFormat when there is none. */
export function readItem(
  bytes: Uint8Array,
  ctx: ExtractContext,
): { format: TextFormat; pages: AsyncIterable<TextPage> } {
  const format = textFormatOf(ctx.mimeType, ctx.fileName, bytes.subarray(0, 8192));
  if (!format) throw new UnsupportedFormat(`no text is read from ${ctx.mimeType} files`);
  return { format, pages: extractors[format](bytes, ctx) };
}

/**
 * An e-mail attachment, typed by its bytes as an upload is (the sender's Content-Type is a
 * claim); one that has no text here is listed with the reason, and one that cannot be read
 * does not stop the rest of the message.
 */
async function* readAttachment(bytes: Uint8Array, ctx: ExtractContext): AsyncIterable<TextPage> {
  try {
    const mimeType = await detectMimeType(bytes.subarray(0, SNIFF_BYTES));
    yield* readItem(bytes, { ...ctx, mimeType }).pages;
  } catch (error) {
    const why = error instanceof UnsupportedFormat ? error.message : "could not be read";
    yield { text: `(${why})` };
  }
}
