const MAX_NAME_CHARS = 255;

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that make
// "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The uploaded file's name, kept only as a label: never part of a storage path (bytes are
 * stored under their hash), stripped of control and direction-changing characters, capped, and
 * always rendered as text. Path segments such as "../" stay visible because they are harmless
 * text here and tell an investigator something about where the file came from.
 */
export function sanitizeFileName(name: string | null | undefined): string {
  const cleaned = (name ?? "").normalize("NFC").replace(UNSAFE, "").trim();
  const chars = [...cleaned];
  const capped = chars.length > MAX_NAME_CHARS ? chars.slice(0, MAX_NAME_CHARS).join("") : cleaned;
  return capped || "unnamed";
}

/** The last path segment, for a download name (a browser would strip the rest anyway). */
function baseName(name: string): string {
  const segments = name.split(/[/\\]/).filter((s) => s !== "" && s !== "." && s !== "..");
  return segments.at(-1) ?? "evidence";
}

/** RFC 5987 percent-encoding, which leaves only attr-chars unescaped. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition with an ASCII fallback (letters, digits, dot, dash, underscore only) and
 * the exact UTF-8 name in filename*, so neither quoting tricks nor odd characters reach the header.
 */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  const base = baseName(sanitizeFileName(name));
  const ascii = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(0, 150);
  return `${type}; filename="${ascii || "evidence"}"; filename*=UTF-8''${encodeRfc5987(base)}`;
}
