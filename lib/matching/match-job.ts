import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { db, queryRows } from "@/db";
import { casePersonas, matchCandidates, nameKeyCounts, personaMatchState, personaNameKeys } from "@/db/schema";
import { type JobHandler, PermanentJobError } from "@/lib/jobs/handlers";
import { scoreStalePersona, writeNameKeys } from "./store-candidates";

const BATCH = 100;
/**
 * After this many personas scored, the tables scoring reads and writes get fresh statistics: a
 * recomputation fills them far faster than autovacuum (if it runs at all) analyses them, and the
 * planner, left with the statistics of a small table, scans every stored pair.
 */
export const ANALYZE_EVERY = 5_000;
const payloadSchema = z.object({ caseId: z.uuid().nullable() });

async function stale(scope: SQL, limit: number): Promise<string[]> {
  const rows = await queryRows<{ persona_id: string }>(
    db,
    sql`select s.persona_id from ${personaMatchState} s
        where s.scored_generation < s.generation and ${scope}
        order by s.changed_at limit ${limit}`,
  );
  return rows.map((r) => r.persona_id);
}

/**
 * The name keys of every waiting persona in scope, written before any of them is scored: a name's
 * weight falls with the number of personas holding its key, and a persona scored first must count
 * the namesakes waiting behind it, or a burst of namesakes would each look rare to the one before.
 */
async function writeWaitingNameKeys(scope: SQL): Promise<void> {
  for (let after = "00000000-0000-0000-0000-000000000000"; ;) {
    const rows = await queryRows<{ persona_id: string }>(
      db,
      sql`select s.persona_id from ${personaMatchState} s
          where s.scored_generation < s.generation and ${scope} and s.persona_id > ${after}
          order by s.persona_id limit 1000`,
    );
    if (rows.length === 0) return;
    await db.transaction((tx) =>
      writeNameKeys(
        tx,
        rows.map((r) => r.persona_id),
      ),
    );
    after = rows.at(-1)!.persona_id;
  }
}

/**
 * Scores every persona in scope that waits, one short transaction each, in batches, until none is
 * left or what is left another worker holds; answers how many it scored. `scope` is a condition on
 * persona_match_state `s`.
 */
export async function recomputeStale(
  scope: SQL,
  progress: (done: number) => unknown = () => {},
  analyzeEvery = ANALYZE_EVERY,
): Promise<number> {
  await writeWaitingNameKeys(scope);
  let done = 0;
  let sinceAnalyze = 0;
  for (;;) {
    const batch = await stale(scope, BATCH);
    let scored = 0;
    for (const id of batch) if (await scoreStalePersona(id)) scored++;
    done += scored;
    sinceAnalyze += scored;
    if (sinceAnalyze >= analyzeEvery) {
      sinceAnalyze = 0;
      await db.execute(sql`analyze ${matchCandidates}, ${personaNameKeys}, ${nameKeyCounts}`);
    }
    await progress(done);
    // Nothing left, or what is left another worker holds.
    if (batch.length < BATCH || scored === 0) return done;
  }
}

/**
 * The matching job of one case (or of the personas in no case): scores every persona of it that
 * waits, one short transaction each, until none is left, so a burst of changes (an import, a run
 * of edits) is one job. Then it takes personas that have waited over a minute wherever they are:
 * a change whose job was lost (a crash between commit and enqueue, a bulk load) is picked up here
 * by the next job, or at start-up. A change queued while this job runs makes it run again.
 */
export const matchCandidatesHandler: JobHandler = {
  concurrency: 1,
  async run({ job, progress }) {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError("The matching job names no case");
    const { caseId } = parsed.data;
    const inScope = caseId
      ? sql`exists (select 1 from ${casePersonas} cp where cp.persona_id = s.persona_id and cp.case_id = ${caseId})`
      : sql`not exists (select 1 from ${casePersonas} cp where cp.persona_id = s.persona_id)`;
    const [waiting] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${personaMatchState} s where s.scored_generation < s.generation and ${inScope}`,
    );
    const total = Math.max(1, waiting?.n ?? 1);
    await recomputeStale(inScope, (done) => progress(Math.min(990, (1000 * done) / total)));
    for (const id of await stale(sql`s.changed_at < now() - interval '1 minute'`, BATCH)) await scoreStalePersona(id);
  },
};
