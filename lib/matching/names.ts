import { romanise, romanisedSyllables } from "./romanise";

/*
 * Name keys: two spellings of one name get one key whatever the order of the parts, the script,
 * the hyphens and spaces in a given name, and the usual romanisations of Korean, Chinese and
 * Russian names. "Kim Sang Man", "Sang-Man Gim", "SANGMAN KIM" and 김상만 are one key. The key
 * finds candidates by equality (an index); a person confirms, since many people share a name.
 */

/** Spellings of one syllable or name part, each to the one form the key uses. */
const VARIANTS: Record<string, string> = {
  // Korean surnames and syllables (Revised Romanisation, McCune-Reischauer and common spellings).
  gim: "kim",
  bak: "park",
  pak: "park",
  bag: "park",
  yi: "lee",
  i: "lee",
  ri: "lee",
  rhee: "lee",
  li: "lee",
  rhie: "lee",
  choe: "choi",
  chwe: "choi",
  jeong: "jong",
  jung: "jong",
  chong: "jong",
  cheong: "jong",
  chung: "jong",
  gang: "kang",
  jo: "cho",
  yoon: "yun",
  chang: "jang",
  zhang: "jang",
  oh: "o",
  suh: "seo",
  sin: "shin",
  gwon: "kwon",
  yoo: "yu",
  ryu: "yu",
  go: "ko",
  moon: "mun",
  sohn: "son",
  pae: "bae",
  paek: "baek",
  paik: "baek",
  hur: "heo",
  huh: "heo",
  shim: "sim",
  roh: "no",
  noh: "no",
  gwak: "kwak",
  sung: "seong",
  joo: "ju",
  woo: "u",
  koo: "gu",
  chin: "jin",
  chi: "ji",
  um: "eom",
  chun: "cheon",
  kong: "gong",
  hyun: "hyeon",
  byun: "byeon",
  yum: "yeom",
  // Chinese: Wade-Giles and older spellings to pinyin.
  chou: "zhou",
  hsu: "xu",
  hsieh: "xie",
  tsai: "cai",
  chen: "chen",
  wong: "huang",
  // Russian: common transliteration pairs.
  aleksandr: "alexander",
  aleksey: "alexey",
  alexei: "alexey",
  yuri: "yury",
  yuriy: "yury",
  sergei: "sergey",
  dmitri: "dmitry",
  dmitriy: "dmitry",
};

const canonicalParts = new Set(Object.values(VARIANTS));

/** Splits a run-together Korean name part ("sangman") into syllables, when it is made only of them. */
function syllables(token: string): string[] {
  // A known spelling of a name part ("choi", "chou") is never taken apart ("cho i", "cho u").
  if (token.length < 5 || romanisedSyllables.has(token) || token in VARIANTS || canonicalParts.has(token))
    return [token];
  // Fewest pieces, longest first piece: one deterministic split, the same on both sides.
  const best: (string[] | null)[] = new Array<string[] | null>(token.length + 1).fill(null);
  best[0] = [];
  for (let end = 1; end <= token.length; end++) {
    for (let start = Math.max(0, end - 6); start < end; start++) {
      const head = best[start];
      const piece = token.slice(start, end);
      if (!head || !romanisedSyllables.has(piece)) continue;
      const candidate = [...head, piece];
      if (!best[end] || candidate.length < best[end]!.length) best[end] = candidate;
    }
  }
  const split = best[token.length];
  return split && split.length <= 3 ? split : [token];
}

/** The parts of a name, romanised, split and with their variants folded, in order. */
export function nameParts(name: string): string[] {
  return romanise(name)
    .split(" ")
    .filter(Boolean)
    .flatMap(syllables)
    .map((part) => VARIANTS[part] ?? part);
}

/** The key two spellings of one name share: its parts in sorted order. Empty for a name without letters. */
export function nameKey(name: string): string {
  return nameParts(name).sort().join(" ");
}

/** The keys of a name and its aliases, without repeats or empties. */
export function nameKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(nameKey).filter((k) => k !== ""))];
}
