import { fileTypeFromBuffer } from "file-type";
import type { PreviewKind } from "./views";

/** Enough of the start of a file for magic-byte detection, including zip-based office formats. */
export const SNIFF_BYTES = 64 * 1024;

const OCTET = "application/octet-stream";

/** Valid UTF-8 with no NUL and few control characters: a text file, whatever its name says. */
function looksLikeText(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  // A multi-byte character may be cut at the end of the sample.
  const body = sample.length >= SNIFF_BYTES ? sample.subarray(0, sample.length - 4) : sample;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return false;
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control += 1;
  }
  return control <= text.length / 100;
}

/** Markup a browser would execute if it rendered it: told apart from plain text so it is never rendered. */
function markupType(sample: Uint8Array): string | null {
  const head = Buffer.from(sample.subarray(0, 4096))
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  const afterProlog = head.replace(/^(<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*|<!doctype svg[^>]*>\s*)*/, "");
  if (afterProlog.startsWith("<svg")) return "image/svg+xml";
  if (/^(<!doctype html|<html|<head|<body|<script|<iframe)/.test(afterProlog)) return "text/html";
  if (head.startsWith("<?xml")) return "application/xml";
  return null;
}

/** The type the bytes show, from magic numbers; text is recognised by content, and markup is named as such. */
export async function detectMimeType(sample: Uint8Array): Promise<string> {
  const found = await fileTypeFromBuffer(sample).catch(() => undefined);
  if (found && found.mime !== "application/xml") return found.mime;
  if (found || looksLikeText(sample)) return markupType(sample) ?? found?.mime ?? "text/plain";
  return OCTET;
}

/** The bare type of a claimed Content-Type (no parameters), or null when nothing useful was claimed. */
export function normaliseClaimedType(claimed: string | null | undefined): string | null {
  const bare = (claimed ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(bare) ? bare.slice(0, 200) : null;
}

const aliases: Record<string, string> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/x-png": "image/png",
  "application/x-pdf": "application/pdf",
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "video/x-m4v": "video/mp4",
  "application/x-zip-compressed": "application/zip",
};
const canonical = (t: string) => aliases[t] ?? t;

/** Types whose bytes are plain text of one flavour or another; a claim among them fits detected text. */
const textual = (t: string) =>
  t.startsWith("text/") || /[/+](json|xml|csv|javascript|x-ndjson|yaml|x-yaml|x-sh)$/.test(t) || t === "message/rfc822";

/**
 * Whether the claim and the bytes disagree: a "report.pdf" that is really HTML is what an
 * investigator must notice. A missing or generic claim is no disagreement, and neither is one
 * text flavour claimed for another.
 */
export function isMimeMismatch(claimed: string | null, detected: string): boolean {
  if (!claimed || claimed === OCTET) return false;
  const a = canonical(claimed);
  const b = canonical(detected);
  if (a === b) return false;
  if (b === "text/html" || b === "image/svg+xml") return true;
  if (b === "text/plain" && textual(a)) return false;
  if (b === "application/xml" && textual(a)) return false;
  // Office documents are zip files inside; file-type names the specific format when it can.
  if (b === "application/zip" && /(openxmlformats|opendocument|zip|epub)/.test(a)) return false;
  return true;
}

/** Raster formats a browser decodes without running anything. */
const safeImages = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/bmp",
  "image/avif",
  "image/x-icon",
]);

/** How the item page may show the bytes: markup (HTML, SVG, XML) only ever as text. */
export function previewKindOf(mime: string): PreviewKind {
  if (safeImages.has(mime)) return "image";
  if (mime === "application/pdf") return "pdf";
  if (mime.startsWith("text/") || mime === "image/svg+xml" || textual(mime)) return "text";
  return "none";
}

/**
 * Content-Type for the content route. Anything textual, markup included, goes out as plain text
 * so no browser renders it; the rest keeps its detected type behind nosniff and the sandbox.
 */
export function servedContentType(mime: string): string {
  return previewKindOf(mime) === "text" ? "text/plain; charset=utf-8" : mime;
}
