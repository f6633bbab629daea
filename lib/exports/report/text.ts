import type { PDFFont } from "pdf-lib";

const charsets = new WeakMap<PDFFont, Set<number>>();

// Common characters outside WinAnsi, with readable stand-ins.
const standIns: Record<string, string> = {
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2212": "-",
  "\u00A0": " ",
  "\u2009": " ",
  "\u202F": " ",
};

/**
 * Text the font can draw. The standard PDF fonts only encode WinAnsi (Latin-1 plus a few
 * typographic marks) and pdf-lib throws on anything else, so names in other scripts, emoji and
 * control characters are replaced rather than crashing the build: accents are dropped where
 * that leaves a drawable letter (ő -> o), other characters become "?". The manifest keeps the
 * exact text.
 */
export function drawable(font: PDFFont, text: string): string {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (ch === "\t") out += " ";
    else if (set.has(ch.codePointAt(0)!)) out += ch;
    else if (standIns[ch]) out += standIns[ch];
    else {
      const base = [...ch.normalize("NFKD")]
        .filter((c) => set.has(c.codePointAt(0)!) && c.codePointAt(0)! >= 0x20)
        .join("");
      out += base || "?";
    }
  }
  return out;
}

/** Splits text into lines no wider than `width`, breaking at spaces, and inside words too long for a line (hashes, URLs). */
export function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of drawable(font, paragraph).split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Cuts text to `width` with an ellipsis. */
export function fit(font: PDFFont, size: number, text: string, width: number): string {
  const safe = drawable(font, text);
  if (font.widthOfTextAtSize(safe, size) <= width) return safe;
  let cut = safe.length;
  while (cut > 0 && font.widthOfTextAtSize(`${safe.slice(0, cut)}…`, size) > width) cut--;
  return `${safe.slice(0, cut)}…`;
}
