import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Tx } from "@/db";
import { matchCandidates, personas } from "@/db/schema";
import type { CandidateReason } from "@/lib/personas/candidate-views";
import { uuidArray } from "@/lib/sql";
import { CAPPED_NOTE, capNameOnly, combine, LIKELY_MATCH, NAME_KINDS } from "./score-candidates";

/*
 * Collective evidence: two personas sharing a name are more than namesakes when both are likely
 * matches of one third persona on evidence beside the names (each pair of them stored at or above
 * LIKELY_MATCH with such evidence, open or confirmed). Such a pair of namesakes is corroborated: it
 * gets a common_match reason, which lifts the name-only cap. Only pairs the names already brought
 * are corroborated (transitivity alone never makes a pair), a corroborated pair corroborates no
 * other, decided pairs are never touched, and nothing is ever confirmed: a person decides.
 */

/** The persona both sides are likely matches of, with the scores of its two pairs. */
export type CommonMatch = { id: string; name: string; scores: [number, number] };

/** A common match weighs half its weaker pair's score: 0.2 (just enough to lift the cap) at LIKELY_MATCH. */
export const commonMatchWeight = (scores: readonly [number, number]) => Math.round(500 * Math.min(...scores)) / 100_000;

const isNamesOnly = (reasons: readonly CandidateReason[]) =>
  reasons.every((r) => NAME_KINDS.has(r.kind) || r.kind === "common_match");

/**
 * A pair's reasons and score with this common match (or with none): undefined for a pair with
 * evidence beside the names, which needs no corroboration.
 */
export function corroborate(
  reasons: readonly CandidateReason[],
  via: CommonMatch | null,
): { score: number; reasons: CandidateReason[] } | undefined {
  if (!isNamesOnly(reasons)) return undefined;
  const list: CandidateReason[] = reasons
    .filter((r) => r.kind !== "common_match")
    .map((r) => (r.detail.endsWith(CAPPED_NOTE) ? { ...r, detail: r.detail.slice(0, -CAPPED_NOTE.length) } : r));
  if (via)
    list.push({
      kind: "common_match",
      detail: `Both are likely matches of ${via.name} (scores ${via.scores[0]} and ${via.scores[1]})`,
      weight: commonMatchWeight(via.scores),
      via: via.id,
    });
  list.sort((a, b) => b.weight - a.weight);
  const score = capNameOnly(list);
  const name = list.find((r) => r.kind === "name" || r.kind === "alias");
  if (name && score < combine(list.map((r) => r.weight))) {
    const at = list.indexOf(name);
    list[at] = { ...name, detail: name.detail + CAPPED_NOTE };
  }
  return { score, reasons: list };
}

const nameKinds = sql.raw([...NAME_KINDS, "common_match"].map((k) => `'${k}'`).join(","));

/** The personas `persona` is a likely match of on evidence beside the names, with the pairs' scores. */
const strongOf = (persona: SQL) => {
  const strong = sql`score >= ${LIKELY_MATCH} and decision is distinct from 'rejected'
    and exists (select 1 from jsonb_array_elements(reasons) r where r->>'kind' not in (${nameKinds}))`;
  return sql`select persona_b as n, score from ${matchCandidates} where persona_a = ${persona} and ${strong}
    union all select persona_a as n, score from ${matchCandidates} where persona_b = ${persona} and ${strong}`;
};

/**
 * The personas this persona is a likely match of right now. Read before its pairs are rewritten:
 * a pair that disappears may have been the common match of two namesakes, which must be judged
 * again even though neither of them is scored.
 */
export async function strongNeighbours(tx: Tx, personaId: string): Promise<string[]> {
  const rows = await queryRows<{ n: string }>(tx, sql`select n from (${strongOf(sql`${personaId}::uuid`)}) s`);
  return rows.map((r) => r.n);
}

/**
 * Re-judges the open names-only pairs of these personas and of the personas they are likely matches
 * of: adds, updates or removes their common match. Run by the matching job after it stores a
 * persona's pairs, in the same transaction.
 */
export async function corroborateNamesakes(tx: Tx, personaIds: readonly string[]): Promise<void> {
  if (personaIds.length === 0) return;
  const ids = uuidArray(personaIds);
  const namesOnly = sql`decision is null
    and not exists (select 1 from jsonb_array_elements(reasons) r where r->>'kind' not in (${nameKinds}))`;
  const rows = await queryRows<{
    persona_a: string;
    persona_b: string;
    score: number;
    reasons: CandidateReason[];
    via: string | null;
    via_name: string | null;
    sa: number | null;
    sb: number | null;
  }>(
    tx,
    sql`with seed as (select unnest(${ids}) as id),
        scope as (select id from seed union select s.n from seed, lateral (${strongOf(sql`seed.id`)}) s),
        -- The open names-only pairs of the scope, each side looked up through its own index (one OR
        -- over both sides would read every stored pair).
        open as (
          select persona_a, persona_b, score, reasons from ${matchCandidates} where persona_a in (select id from scope) and ${namesOnly}
          union
          select persona_a, persona_b, score, reasons from ${matchCandidates} where persona_b in (select id from scope) and ${namesOnly})
        select mc.persona_a, mc.persona_b, mc.score, mc.reasons, v.id as via, v.display_name as via_name, v.sa, v.sb
        from open mc
        left join lateral (
          select p.id, p.display_name, sa.score as sa, sb.score as sb
          from (${strongOf(sql`mc.persona_a`)}) sa
          join (${strongOf(sql`mc.persona_b`)}) sb on sb.n = sa.n
          join ${personas} p on p.id = sa.n
          order by least(sa.score, sb.score) desc, p.id limit 1) v on true
        order by mc.persona_a, mc.persona_b`,
  );
  for (const row of rows) {
    const via = row.via
      ? { id: row.via, name: row.via_name ?? "", scores: [row.sa!, row.sb!] as [number, number] }
      : null;
    const next = corroborate(row.reasons, via);
    if (!next || (next.score === row.score && JSON.stringify(next.reasons) === JSON.stringify(row.reasons))) continue;
    await tx.execute(
      sql`update ${matchCandidates} set score = ${next.score}, reasons = ${JSON.stringify(next.reasons)}::jsonb
          where persona_a = ${row.persona_a} and persona_b = ${row.persona_b} and decision is null`,
    );
  }
}
