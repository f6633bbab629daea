import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { matchCandidates, personaLinks, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { redactReasons } from "@/lib/matching/redact";
import { flipReasons } from "@/lib/matching/store-candidates";
import { loadPersona, personaVisibleTo } from "./access";
import type { Candidate, CandidateList, CandidateReason } from "./candidate-views";

const MAX_CANDIDATES = 50;

/** No link either way between the pair's personas (one drawn by hand closes the pair too). */
export const unlinked = sql`not exists (select 1 from ${personaLinks} l
  where (l.from_persona_id = mc.persona_a and l.to_persona_id = mc.persona_b)
     or (l.from_persona_id = mc.persona_b and l.to_persona_id = mc.persona_a))`;

/**
 * GET /api/personas/{id}/candidates: the open possible matches of one persona as the matching job
 * stored them (lib/matching), strongest first; those the reader may not see are only counted.
 */
export async function listCandidates({
  actor,
  personaId,
}: {
  actor: Actor;
  personaId: string;
}): Promise<CandidateList> {
  await loadPersona(db, actor, personaId);
  const visible = personaVisibleTo(actor, sql`p.id`, { perRow: true }) ?? sql`true`;
  const rows = await queryRows<{
    other: string;
    display_name: string;
    score: number;
    reasons: CandidateReason[];
    mine_first: boolean;
    seen: boolean;
  }>(
    db,
    sql`select p.id as other, p.display_name, mc.score, mc.reasons, mc.persona_a = ${personaId} as mine_first,
          ${visible} as seen
        from ${matchCandidates} mc
        join ${personas} p on p.id = case when mc.persona_a = ${personaId} then mc.persona_b else mc.persona_a end
        where (mc.persona_a = ${personaId} or mc.persona_b = ${personaId}) and mc.decision is null and ${unlinked}
        order by mc.score desc, p.display_name, p.id`,
  );
  const items: Candidate[] = rows
    .filter((r) => r.seen)
    .slice(0, MAX_CANDIDATES)
    .map((r) => ({
      persona: { id: r.other, displayName: r.display_name },
      score: r.score,
      reasons: r.mine_first ? r.reasons : flipReasons(r.reasons),
    }));
  return { items: await redactReasons(actor, items), hiddenCount: rows.filter((r) => !r.seen).length };
}
