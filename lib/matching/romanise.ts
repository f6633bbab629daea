/*
 * Scripts to Latin letters, so one person written in Hangul, Cyrillic or Latin compares as one:
 * Hangul by the Revised Romanisation of Korean (each syllable a token: 김상만 -> gim sang man),
 * Cyrillic by a simple letter table, everything else stripped of its accents.
 */

const INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
const MEDIALS = [
  "a",
  "ae",
  "ya",
  "yae",
  "eo",
  "e",
  "yeo",
  "ye",
  "o",
  "wa",
  "wae",
  "oe",
  "yo",
  "u",
  "wo",
  "we",
  "wi",
  "yu",
  "eu",
  "ui",
  "i",
];
// A final consonant as it is said at the end of a syllable.
const FINALS = [
  "",
  "k",
  "k",
  "k",
  "n",
  "n",
  "n",
  "t",
  "l",
  "k",
  "m",
  "l",
  "l",
  "l",
  "p",
  "l",
  "m",
  "p",
  "p",
  "t",
  "t",
  "ng",
  "t",
  "t",
  "k",
  "t",
  "p",
  "t",
];
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

/** One Hangul syllable block in Revised Romanisation ("김" -> "gim"). */
export function romaniseSyllable(code: number): string {
  const offset = code - HANGUL_FIRST;
  const final = offset % 28;
  const medial = Math.floor(offset / 28) % 21;
  const initial = Math.floor(offset / 28 / 21);
  return INITIALS[initial]! + MEDIALS[medial]! + FINALS[final]!;
}

/** Every syllable Revised Romanisation can write: the pieces a run-together Korean name splits into. */
export const romanisedSyllables: ReadonlySet<string> = (() => {
  const all = new Set<string>();
  for (let code = HANGUL_FIRST; code <= HANGUL_LAST; code++) all.add(romaniseSyllable(code));
  return all;
})();

const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  і: "i",
  ї: "yi",
  є: "ye",
  ґ: "g",
};

/** Latin letters and spaces only, lower-case: Hangul syllables become space-separated tokens. */
export function romanise(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKC").toLowerCase()) {
    const code = ch.codePointAt(0)!;
    if (code >= HANGUL_FIRST && code <= HANGUL_LAST) out += ` ${romaniseSyllable(code)} `;
    else out += CYRILLIC[ch] ?? ch;
  }
  return out
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z]+/g, " ")
    .trim();
}
