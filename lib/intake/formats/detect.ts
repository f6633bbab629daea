/** The formats text is extracted from; anything else is unsupported. */
export type TextFormat = "pdf" | "docx" | "xlsx" | "email" | "html" | "text" | "image" | "zip";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const OCR_IMAGES = new Set(["image/png", "image/jpeg", "image/tiff", "image/bmp", "image/webp", "image/gif"]);
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-ndjson|csv|yaml|x-yaml)$)/;
// The first header lines of a message as saved by a mail client (RFC 5322).
const MAIL_HEADERS =
  /^(?:(?:return-path|received|delivered-to|from|to|subject|date|message-id|mime-version|x-[\w-]+):[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){2,}/i;

/**
 * What an item is read as: by the type its bytes show (detected at upload, never the uploader's
 * claim), with the file name only telling apart kinds of text the bytes cannot (an .eml is text).
 */
export function textFormatOf(mimeType: string, fileName: string, head: Uint8Array): TextFormat | null {
  const name = fileName.toLowerCase();
  if (mimeType === "application/pdf") return "pdf";
  if (mimeType === DOCX) return "docx";
  if (mimeType === XLSX) return "xlsx";
  if (mimeType === "message/rfc822") return "email";
  if (OCR_IMAGES.has(mimeType)) return "image";
  if (mimeType === "application/zip") return "zip";
  if (mimeType === "text/html") return "html";
  if (TEXT_TYPES.test(mimeType)) {
    if (name.endsWith(".eml") || MAIL_HEADERS.test(new TextDecoder().decode(head.subarray(0, 8192)))) return "email";
    if (/\.x?html?$/.test(name)) return "html";
    return "text";
  }
  return null;
}
