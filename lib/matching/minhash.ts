/*
 * Near-duplicate text by MinHash over word shingles: a recycled résumé (the same text with a new
 * name and a few bullets changed) keeps most of its three-word runs, so the two signatures agree
 * in about the share of runs the texts have in common (their Jaccard similarity). LSH bands (32
 * bands of 4 values) turn "probably alike" into an index lookup: texts 80 % alike share a band
 * almost surely, texts 30 % alike about one time in four, unrelated texts practically never.
 */

export const SIGNATURE_SIZE = 128;
const BAND_ROWS = 4;
const SHINGLE_WORDS = 3;
/** Texts with fewer shingles than this (a cover note, a blank scan) say nothing about anyone. */
export const MIN_SHINGLES = 30;

/** FNV-1a, 32 bits: a shingle's hash. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: one of SIGNATURE_SIZE independent permutations, chosen by its seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(i + 1, 0x9e3779b9));

/** The words and numbers of a text in any script, without case, accents or punctuation. */
export const words = (text: string): string[] =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The distinct hashes of a text's runs of three words. */
export function shingles(text: string): Set<number> {
  const list = words(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= list.length; i++) out.add(fnv1a(list.slice(i, i + SHINGLE_WORDS).join(" ")));
  return out;
}

/** The signature: for each permutation, the least hash among the shingles. */
export function minhash(set: ReadonlySet<number>): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of set)
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(s, SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  // Stored as PostgreSQL integer (signed 32 bits).
  return sig.map((v) => v | 0);
}

/** LSH band keys: band number and a hash of its values, so texts sharing one land in one index entry. */
export function bands(sig: readonly number[]): string[] {
  const out: string[] = [];
  for (let b = 0; b * BAND_ROWS < sig.length; b++)
    out.push(`${b}:${fnv1a(sig.slice(b * BAND_ROWS, (b + 1) * BAND_ROWS).join(",")).toString(36)}`);
  return out;
}

/** Estimated Jaccard similarity of two texts from their signatures, 0..1. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Lines of one text that the other lacks (compared without case or punctuation): what was edited. */
export function changedLines(mine: string, theirs: string): { mine: string[]; theirs: string[] } {
  const norm = (line: string) => words(line).join(" ");
  const split = (t: string) =>
    t
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => norm(l) !== "");
  const [a, b] = [split(mine), split(theirs)];
  const inA = new Set(a.map(norm));
  const inB = new Set(b.map(norm));
  return { mine: a.filter((l) => !inB.has(norm(l))), theirs: b.filter((l) => !inA.has(norm(l))) };
}
