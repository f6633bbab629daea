import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";
import { evidence, evidenceFingerprints, evidenceTextPages, evidenceTexts, personaIdentifiers } from "@/db/schema";
import type { CandidateReason } from "@/lib/personas/candidate-views";
import { uuidArray } from "@/lib/sql";
import { exhibit, fewCiting, nearestPerPersona } from "./cited-items";
import { bands, changedLines, MIN_SHINGLES, minhash, shingles, similarity } from "./minhash";

/*
 * Recycled résumés: a persona's documents are the evidence items its claims cite as their source
 * (cited-items.ts says which count). Two personas whose documents' texts are at least
 * RESUME_SIMILARITY alike get a `resume_text` reason naming both exhibits, how alike they are and
 * the lines each side changed.
 */

export const RESUME_SIMILARITY = 0.5;
/** Text read per item for its fingerprint: a résumé is a few pages, a book is not one. */
const MAX_CHARS = 200_000;
const SHOWN_LINES = 3;

/** A fingerprint for each of these items that has text and none yet (read from its extracted pages). */
export async function ensureFingerprints(runner: DbOrTx, evidenceIds: readonly string[]): Promise<void> {
  if (evidenceIds.length === 0) return;
  const missing = await queryRows<{ id: string }>(
    runner,
    sql`select t.evidence_id as id from ${evidenceTexts} t
        where t.evidence_id = any(${uuidArray(evidenceIds)}) and t.status in ('done', 'partial')
          and not exists (select 1 from ${evidenceFingerprints} f where f.evidence_id = t.evidence_id)`,
  );
  for (const { id } of missing) {
    const text = await itemText(runner, id);
    const set = shingles(text);
    const sig = set.size >= MIN_SHINGLES ? minhash(set) : null;
    await runner
      .insert(evidenceFingerprints)
      .values({ evidenceId: id, minhash: sig, bands: sig ? bands(sig) : null, shingles: set.size })
      .onConflictDoNothing();
  }
}

async function itemText(runner: DbOrTx, evidenceId: string): Promise<string> {
  const pages = await queryRows<{ text: string }>(
    runner,
    sql`select left(text, ${MAX_CHARS}) as text from ${evidenceTextPages} where evidence_id = ${evidenceId} order by page`,
  );
  return pages
    .map((p) => p.text)
    .join("\n")
    .slice(0, MAX_CHARS);
}

/** The personas whose documents' text is near this persona's, each with its reason. */
export async function resumeMatches(
  runner: DbOrTx,
  personaId: string,
): Promise<{ personaId: string; reason: CandidateReason }[]> {
  const docs = await queryRows<{ evidence_id: string }>(
    runner,
    sql`select distinct pi.source_evidence_id as evidence_id from ${personaIdentifiers} pi
        join ${evidence} e on e.id = pi.source_evidence_id and e.deleted_at is null
        where pi.persona_id = ${personaId} and ${fewCiting}`,
  );
  if (docs.length === 0) return [];
  const myIds = docs.map((d) => d.evidence_id);
  await ensureFingerprints(runner, myIds);
  const mine = await queryRows<{ evidence_id: string; minhash: number[]; bands: string[] }>(
    runner,
    sql`select evidence_id, minhash, bands from ${evidenceFingerprints}
        where evidence_id = any(${uuidArray(myIds)}) and minhash is not null`,
  );
  // Items sharing an LSH band with one of mine: a GIN lookup, whatever the number of items.
  const near = new Map<string, { mine: string; sim: number }>();
  for (const m of mine) {
    const rows = await queryRows<{ evidence_id: string; minhash: number[] }>(
      runner,
      sql`select evidence_id, minhash from ${evidenceFingerprints}
          where bands && ${`{${m.bands.map((b) => `"${b}"`).join(",")}}`}::text[]
            and evidence_id <> all(${uuidArray(myIds)}) limit 200`,
    );
    for (const r of rows) {
      const sim = similarity(m.minhash, r.minhash);
      if (sim >= RESUME_SIMILARITY && sim > (near.get(r.evidence_id)?.sim ?? 0))
        near.set(r.evidence_id, { mine: m.evidence_id, sim });
    }
  }
  if (near.size === 0) return [];
  const { best, items } = await nearestPerPersona(
    runner,
    personaId,
    near,
    myIds,
    (n, current) => n.sim > (current?.sim ?? 0),
  );
  const out: { personaId: string; reason: CandidateReason }[] = [];
  for (const [other, b] of best) {
    const diff = changedLines(await itemText(runner, b.mine), await itemText(runner, b.theirs));
    const [a, t] = [items.get(b.mine)!, items.get(b.theirs)!];
    const pct = Math.round(b.sim * 100);
    const shown = (lines: string[]) =>
      lines.length === 0
        ? "(nothing changed)"
        : lines
            .slice(0, SHOWN_LINES)
            .map((l) => (l.length > 160 ? `${l.slice(0, 157)}…` : l))
            .join(" / ") + (lines.length > SHOWN_LINES ? ` / … ${lines.length - SHOWN_LINES} more` : "");
    out.push({
      personaId: other,
      reason: {
        kind: "resume_text",
        detail: `Résumé text ${pct}% alike; beside each exhibit, the lines only it has`,
        // 0.8 for a copy, about a quarter at half alike: a shared template is not the same author.
        weight: Math.round(Math.min(0.8, Math.max(0, (b.sim - 0.35) * 1.45)) * 1000) / 1000,
        mine: `${exhibit(a)}: ${shown(diff.mine)}`,
        theirs: `${exhibit(t)}: ${shown(diff.theirs)}`,
        evidenceIds: [b.mine, b.theirs],
      },
    });
  }
  return out;
}
