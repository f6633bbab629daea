import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { caseMembers, casePersonas, cases, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { uuidArray } from "@/lib/sql";
import { personaVisibleTo } from "./access";
import { type ReviewPair, type ReviewQueue, reviewQueueQuerySchema } from "./candidate-views";
import { scoreCandidates } from "./candidates";

export const REVIEW_PAGE_SIZE = 20;
// Candidates are scored on read, one persona at a time: the queue looks at the personas of the
// reader's cases changed most recently, so a reader of a thousand personas still gets an answer.
export const MAX_REVIEW_SOURCES = 200;

/**
 * GET /api/review/candidates: the open candidate pairs across the personas of the cases the reader
 * works on (leads, or is a non-observer member of; admins: every case), strongest first. A pair
 * appears only when the reader may see both personas (need-to-know: a candidate hidden from them is
 * never named here, not even counted). Linked and rejected pairs never appear: scoreCandidates
 * leaves them out. Nothing here decides anything; a person confirms or rejects each pair.
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
  // Observers only read, so the cases they observe bring no pairs to decide.
  const works =
    actor.role === "admin"
      ? sql`true`
      : sql`(c.lead_id = ${actor.id} or exists (select 1 from ${caseMembers} m
              where m.case_id = c.id and m.user_id = ${actor.id} and m.role <> 'observer'))`;
  const sources = await queryRows<{ id: string; display_name: string }>(
    db,
    sql`select p.id, p.display_name from ${personas} p where exists (
          select 1 from ${casePersonas} cp join ${cases} c on c.id = cp.case_id
          where cp.persona_id = p.id and ${works})
        order by p.updated_at desc, p.id limit ${MAX_REVIEW_SOURCES}`,
  );

  const pairs = new Map<string, ReviewPair>();
  for (const { id, display_name } of sources) {
    for (const candidate of (await scoreCandidates(db, id)).values()) {
      const key = [id, candidate.persona.id].sort().join(":");
      // Each pair once: scored from both ends it keeps the stronger view.
      if ((pairs.get(key)?.score ?? -1) >= candidate.score) continue;
      pairs.set(key, {
        left: { id, displayName: display_name },
        right: candidate.persona,
        score: candidate.score,
        reasons: candidate.reasons,
      });
    }
  }
  if (pairs.size === 0) return { items: [], total: 0, page, pageSize: REVIEW_PAGE_SIZE };

  const others = [...new Set([...pairs.values()].flatMap((p) => [p.left.id, p.right.id]))];
  const visible = personaVisibleTo(actor, personas.id, { many: true }) ?? sql`true`;
  const seen = new Set(
    (
      await queryRows<{ id: string }>(
        db,
        sql`select id from ${personas} where id = any(${uuidArray(others)}) and ${visible}`,
      )
    ).map((r) => r.id),
  );
  const open = [...pairs.values()]
    .filter((p) => seen.has(p.left.id) && seen.has(p.right.id))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.left.displayName.localeCompare(b.left.displayName) ||
        a.right.displayName.localeCompare(b.right.displayName) ||
        a.right.id.localeCompare(b.right.id),
    );
  const start = (page - 1) * REVIEW_PAGE_SIZE;
  return { items: open.slice(start, start + REVIEW_PAGE_SIZE), total: open.length, page, pageSize: REVIEW_PAGE_SIZE };
}
