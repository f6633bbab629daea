// Marks in a snippet: ts_headline wraps matches in these two control characters, which never
// occur in stored text (extraction keeps only readable text), and they are turned into ranges.
export const START = "\u0002";
export const STOP = "\u0003";

/** A snippet with its highlighted ranges, from ts_headline's marked text. */
export function fromHeadline(marked: string): { snippet: string; marks: [number, number][] } {
  let snippet = "";
  const marks: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === START) open = snippet.length;
    else if (ch === STOP) {
      if (open >= 0) marks.push([open, snippet.length]);
      open = -1;
    } else snippet += ch;
  }
  return { snippet, marks };
}

/** Ranges of the snippet where any of the words occurs, ignoring case and accents. */
export function markWords(snippet: string, words: readonly string[]): [number, number][] {
  const plain = fold(snippet);
  const marks: [number, number][] = [];
  for (const word of words.map(fold).filter((w) => w.length > 1)) {
    for (let at = plain.indexOf(word); at >= 0; at = plain.indexOf(word, at + word.length))
      marks.push([at, at + word.length]);
  }
  return marks.sort((a, b) => a[0] - b[0]);
}

/**
 * Lower case without accents, one character for one (so positions still match the original):
 * "Demović" and "demovic" fold alike.
 */
export function fold(s: string): string {
  let out = "";
  for (const ch of s.toLowerCase()) out += FOLDS.get(ch) ?? ch;
  return out;
}

// Letters without a decomposition that people still write without their stroke.
const STROKES: Record<string, string> = { ł: "l", ø: "o", đ: "d", ħ: "h", ŧ: "t", ı: "i" };

/** Every lower-case Latin letter with a diacritic (Latin-1 and Latin Extended-A) and its base letter. */
const FOLDS = new Map<string, string>(
  Array.from({ length: 0x180 - 0xc0 }, (_, i) => String.fromCharCode(0xc0 + i).toLowerCase())
    .map((ch): [string, string] => [ch, STROKES[ch] ?? ch.normalize("NFD").replace(/\p{M}/gu, "")])
    .filter(([ch, base]) => ch.length === 1 && base !== ch && /^[a-z]$/.test(base)),
);

/**
 * The SQL twin of fold: lower(), then translate() with the same table, so a name column compares
 * with a folded query without an extension (PGlite has no unaccent).
 */
export const FOLD_FROM = [...FOLDS.keys()].join("");
export const FOLD_TO = [...FOLDS.values()].join("");
