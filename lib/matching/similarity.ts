import { nameParts } from "./names";

/*
 * Trigram similarity of two names, the measure pg_trgm's similarity() uses (shared trigrams over
 * all trigrams, each word padded with two spaces in front and one behind), computed here over the
 * romanised, variant-folded parts so "Sang-Man Gim" and 김상만 compare as the same letters. Kept
 * in TypeScript: scoring happens on a candidate's few names, after an index found the candidate.
 */

/** The distinct trigrams of a text's words, padded as pg_trgm pads them. */
export function trigrams(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** 0..1: how alike two names are, whatever their script, order, hyphens or romanisation. */
export function nameSimilarity(a: string, b: string): number {
  const left = trigrams(nameParts(a).sort());
  const right = trigrams(nameParts(b).sort());
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const t of left) if (right.has(t)) shared++;
  return shared / (left.size + right.size - shared);
}

/** The best similarity between any name of one persona and any name of the other, with the pair. */
export function bestNameMatch(
  mine: readonly string[],
  theirs: readonly string[],
): { score: number; mine: string; theirs: string } | null {
  let best: { score: number; mine: string; theirs: string } | null = null;
  for (const m of mine)
    for (const t of theirs) {
      const score = nameSimilarity(m, t);
      if (!best || score > best.score) best = { score, mine: m, theirs: t };
    }
  return best;
}
