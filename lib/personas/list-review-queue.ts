import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { caseMembers, casePersonas, cases, matchCandidates, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { redactReasons } from "@/lib/matching/redact";
import { personaVisibleTo } from "./access";
import { type CandidateReason, type ReviewQueue, reviewQueueQuerySchema } from "./candidate-views";
import { unlinked } from "./candidates";

export const REVIEW_PAGE_SIZE = 20;

/**
 * GET /api/review/candidates: the open candidate pairs across the personas of the cases the reader
 * works on (leads, or is a non-observer member of; admins: every case), strongest first, read from
 * the pairs the matching job stored (never scored here). A pair appears only when the reader may
 * see both personas (need-to-know: a candidate hidden from them is never named here, not even
 * counted). Decided and linked pairs never appear. Nothing here decides anything.
 */
export async function listReviewQueue({
  actor,
  query,
}: {
  actor: Actor;
  query?: { page?: number | string };
}): Promise<ReviewQueue> {
  authorize(actor, "persona:write");
  const { page } = parseOrThrow(reviewQueueQuerySchema, query ?? {});
  // Observers only read, so the cases they observe bring no pairs to decide. Each of these is
  // looked up through its own index: an OR across them would read every case or every pair.
  const myCases = sql`select c.id from ${cases} c where c.lead_id = ${actor.id}
    union select m.case_id from ${caseMembers} m where m.user_id = ${actor.id} and m.role <> 'observer'`;
  const mine = sql`select cp.persona_id from ${casePersonas} cp where cp.case_id in (${myCases})`;
  const pairs =
    actor.role === "admin"
      ? sql`select * from ${matchCandidates} where decision is null`
      : sql`select * from ${matchCandidates} where decision is null and persona_a in (${mine})
          union all
          select * from ${matchCandidates} where decision is null and persona_b in (${mine}) and persona_a not in (${mine})`;
  const seenA = personaVisibleTo(actor, sql`mc.persona_a`, { many: true }) ?? sql`true`;
  const seenB = personaVisibleTo(actor, sql`mc.persona_b`, { many: true }) ?? sql`true`;
  const open = sql`${unlinked} and ${seenA} and ${seenB}`;
  const rows = await queryRows<{
    persona_a: string;
    persona_b: string;
    a_name: string;
    b_name: string;
    score: number;
    reasons: CandidateReason[];
    total: number;
  }>(
    db,
    sql`select mc.persona_a, mc.persona_b, pa.display_name as a_name, pb.display_name as b_name, mc.score, mc.reasons,
          count(*) over ()::int as total
        from (${pairs}) mc
        join ${personas} pa on pa.id = mc.persona_a
        join ${personas} pb on pb.id = mc.persona_b
        where ${open}
        order by mc.score desc, mc.persona_a, mc.persona_b
        limit ${REVIEW_PAGE_SIZE} offset ${(page - 1) * REVIEW_PAGE_SIZE}`,
  );
  const items = rows.map((r) => ({
    left: { id: r.persona_a, displayName: r.a_name },
    right: { id: r.persona_b, displayName: r.b_name },
    score: r.score,
    reasons: r.reasons,
  }));
  // Past the last page there are no rows to carry the count: ask for it alone.
  const total =
    rows[0]?.total ??
    (page > 1
      ? ((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${pairs}) mc where ${open}`))[0]?.n ??
        0)
      : 0);
  return { items: await redactReasons(actor, items), total, page, pageSize: REVIEW_PAGE_SIZE };
}
