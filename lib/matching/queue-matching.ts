import { sql } from "drizzle-orm";
import { type DbOrTx, db, queryRows } from "@/db";
import { casePersonas, jobs, personaIdentifiers, personaMatchState, personas } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { uuidArray } from "@/lib/sql";

export const MATCH_CANDIDATES = "match.candidates";

/** The job key for the personas of a case (or of no case): a burst of changes in one case is one job. */
export const matchJobKey = (caseId: string | null) => `case:${caseId ?? "none"}`;

/**
 * Marks personas as needing their possible matches scored again and queues the matching job for
 * their cases, in the caller's transaction: the job exists exactly when the change does. Call it
 * wherever a persona's names, claims or cited documents change. Cheap: one upsert, one job a case.
 */
export async function queueMatching(runner: DbOrTx, personaIds: readonly string[]): Promise<void> {
  if (personaIds.length === 0) return;
  const ids = uuidArray(new Set(personaIds));
  await runner.execute(
    sql`insert into ${personaMatchState} (persona_id) select unnest(${ids})
        on conflict (persona_id) do update
        set generation = ${personaMatchState}.generation + 1, changed_at = now()`,
  );
  // A persona in several cases is scored by the job of one of them (the stale mark is what counts).
  const keys = await queryRows<{ case_id: string | null }>(
    runner,
    sql`select distinct (select min(cp.case_id::text) from ${casePersonas} cp where cp.persona_id = p.id) as case_id
        from unnest(${ids}) as p(id)`,
  );
  for (const { case_id } of keys)
    await enqueueJob(runner, { kind: MATCH_CANDIDATES, key: matchJobKey(case_id), payload: { caseId: case_id } });
}

/** The personas citing an evidence item: its text changed, so their résumé matches may have. */
export async function queueMatchingForEvidence(runner: DbOrTx, evidenceId: string): Promise<void> {
  const rows = await queryRows<{ persona_id: string }>(
    runner,
    sql`select distinct persona_id from ${personaIdentifiers} where source_evidence_id = ${evidenceId}`,
  );
  await queueMatching(
    runner,
    rows.map((r) => r.persona_id),
  );
}

/**
 * Start-up: a job for every case with personas waiting to be scored: after migration 0021 every
 * existing persona waits, and so does one the seed or a bulk loader wrote without queueMatching.
 * Answers how many jobs were queued.
 */
export async function queueStaleMatching(): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into ${personaMatchState} (persona_id)
          select p.id from ${personas} p where not exists (select 1 from ${personaMatchState} s where s.persona_id = p.id)
          on conflict (persona_id) do nothing`,
    );
    const rows = await queryRows<{ key: string }>(
      tx,
      sql`insert into ${jobs} (kind, key, payload)
          select distinct ${MATCH_CANDIDATES}, 'case:' || coalesce(c.case_id::text, 'none'),
                 jsonb_build_object('caseId', c.case_id)
          from ${personaMatchState} s
          left join lateral (select min(cp.case_id::text)::uuid as case_id from ${casePersonas} cp
                             where cp.persona_id = s.persona_id) c on true
          where s.scored_generation < s.generation
          on conflict (kind, key) do update set status = 'queued', attempts = 0, error = null,
            run_after = now(), finished_at = null
            where ${jobs}.status in ('done', 'failed')
          returning key`,
    );
    return rows.length;
  });
}
