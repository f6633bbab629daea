import { sql } from "drizzle-orm";
import { db, queryRows, type Tx } from "@/db";
import { matchCandidates, personaMatchState, personaNameKeys, personas } from "@/db/schema";
import type { Candidate, CandidateReason } from "@/lib/personas/candidate-views";
import { uuidArray } from "@/lib/sql";
import { corroborateNamesakes, strongNeighbours } from "./common-match";
import { nameKeys } from "./names";
import { scoreCandidates } from "./score-candidates";

/** Reasons as the other side sees them: its value becomes `mine`, its item comes first. */
export const flipReasons = (reasons: readonly CandidateReason[]): CandidateReason[] =>
  reasons.map(({ mine, theirs, evidenceIds, ...rest }) => ({
    ...rest,
    ...(evidenceIds ? { evidenceIds: evidenceIds.length === 2 ? [...evidenceIds].reverse() : evidenceIds } : {}),
    ...(theirs !== undefined ? { mine: theirs } : {}),
    ...(mine !== undefined ? { theirs: mine } : {}),
  }));

/**
 * Stores the name keys of these personas as their names are now: removes the keys they no longer
 * hold and adds the new ones. Keys that stay are not touched, so rescoring an unchanged persona
 * writes nothing and does not lock its (often common) keys' counts in name_key_counts.
 */
export async function writeNameKeys(tx: Tx, personaIds: readonly string[]): Promise<void> {
  if (personaIds.length === 0) return;
  const ids = uuidArray(personaIds);
  const [rows, stored] = await Promise.all([
    queryRows<{ id: string; display_name: string; aliases: string[] }>(
      tx,
      sql`select id, display_name, aliases from ${personas} where id = any(${ids})`,
    ),
    queryRows<{ persona_id: string; key: string }>(
      tx,
      sql`select persona_id, key from ${personaNameKeys} where persona_id = any(${ids})`,
    ),
  ]);
  const pair = (personaId: string, key: string) => `${personaId} ${key}`;
  const wanted = rows.flatMap((p) => nameKeys([p.display_name, ...p.aliases]).map((key) => ({ personaId: p.id, key })));
  const want = new Set(wanted.map((v) => pair(v.personaId, v.key)));
  const have = new Set(stored.map((r) => pair(r.persona_id, r.key)));
  const gone = stored.filter((r) => !want.has(pair(r.persona_id, r.key)));
  const values = wanted.filter((v) => !have.has(pair(v.personaId, v.key)));
  // Keys are lower-case letters, digits and spaces: nothing to escape in the array literal.
  for (let i = 0; i < gone.length; i += 1000) {
    const part = gone.slice(i, i + 1000);
    await tx.execute(
      sql`delete from ${personaNameKeys} where (persona_id, key) in (
            select * from unnest(${uuidArray(part.map((r) => r.persona_id))},
              ${`{${part.map((r) => `"${r.key}"`).join(",")}}`}::text[]))`,
    );
  }
  for (let i = 0; i < values.length; i += 1000)
    await tx
      .insert(personaNameKeys)
      .values(values.slice(i, i + 1000))
      .onConflictDoNothing();
}

/**
 * Writes one persona's scored pairs: new and open pairs take the new score and reasons (oriented
 * to persona_a, the lesser id); open pairs that no longer score are removed; decided pairs are
 * never touched, so a decision and the reasons it was made on survive every recomputation.
 */
async function storePairs(tx: Tx, personaId: string, scored: Map<string, Candidate>): Promise<void> {
  const rows = [...scored.values()]
    .map((c) => {
      const mineFirst = personaId < c.persona.id;
      return {
        personaA: mineFirst ? personaId : c.persona.id,
        personaB: mineFirst ? c.persona.id : personaId,
        score: c.score,
        reasons: mineFirst ? c.reasons : flipReasons(c.reasons),
      };
    })
    // One order for every writer, so two jobs writing overlapping pairs cannot deadlock.
    .sort((x, y) => (x.personaA + x.personaB < y.personaA + y.personaB ? -1 : 1));
  const others = [...scored.keys()];
  await tx.execute(
    sql`delete from ${matchCandidates}
        where (persona_a = ${personaId} or persona_b = ${personaId}) and decision is null
          and not ((case when persona_a = ${personaId} then persona_b else persona_a end) = any(${uuidArray(others)}))`,
  );
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insert(matchCandidates)
      .values(rows.slice(i, i + 200))
      .onConflictDoUpdate({
        target: [matchCandidates.personaA, matchCandidates.personaB],
        set: { score: sql`excluded.score`, reasons: sql`excluded.reasons`, computedAt: sql`now()` },
        setWhere: sql`${matchCandidates.decision} is null`,
      });
}

/**
 * Scores one persona waiting to be scored and stores its pairs, in one transaction. Answers false
 * when there was nothing to do: it is up to date, gone, or another worker holds it right now.
 */
export async function scoreStalePersona(personaId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [state] = await queryRows<{ generation: number }>(
      tx,
      sql`select generation from ${personaMatchState}
          where persona_id = ${personaId} and scored_generation < generation for update skip locked`,
    );
    if (!state) return false;
    await writeNameKeys(tx, [personaId]);
    const before = await strongNeighbours(tx, personaId);
    await storePairs(tx, personaId, await scoreCandidates(tx, personaId));
    await corroborateNamesakes(tx, [personaId, ...before]);
    await tx.execute(
      sql`update ${personaMatchState} set scored_generation = ${state.generation}, scored_at = now()
          where persona_id = ${personaId}`,
    );
    return true;
  });
}
