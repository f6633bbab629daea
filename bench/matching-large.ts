/**
 * Possible matches at scale: candidate generation for one persona and a full recomputation on the
 * large bench data (200,000 personas, 1,000,000 identifiers), beside bare reads in the same run.
 *
 *   DATABASE_URL=postgres://…/casework_bench npm run bench:matching-large
 *   SAMPLE=300 RECOMPUTE=2000 npm run bench:matching-large     (RECOMPUTE=all: every persona)
 *
 * 1. writes every persona's name keys if the data set has none (the generator writes none; the
 *    matching job writes them as it scores), timed;
 * 2. times scoreCandidates (what the matching job computes for one persona) for SAMPLE personas
 *    drawn with a fixed seed, beside the bare read of the same persona's identifiers with their
 *    holder counts (raw SQL through postgres.js, one statement);
 * 3. times the review queue for the three investigators leading the most cases beside a bare
 *    SELECT of one page of stored pairs;
 * 4. marks RECOMPUTE personas (the same seed) as changed and runs the matching job's code over
 *    them, timed, with peak RSS; the time for all personas is extrapolated from it unless
 *    RECOMPUTE=all. The pairs it stores stay (a later run scores them again).
 */
import { performance } from "node:perf_hooks";
import os from "node:os";
import { percentile } from "./lib/stats";

process.env.LOG_LEVEL ??= "warn";
const SAMPLE = Number(process.env.SAMPLE ?? 300);
const RECOMPUTE = process.env.RECOMPUTE ?? "2000";
const SEED = process.env.SEED ?? "20261204";

const ms = (n: number) => `${n.toFixed(1)} ms`;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith("postgres")) throw new Error("Set DATABASE_URL to the large bench database (PostgreSQL)");
  const { db, ready, closeDb, sql } = await import("@/db");
  const { writeNameKeys } = await import("@/lib/matching/store-candidates");
  const { scoreCandidates } = await import("@/lib/matching/score-candidates");
  const { recomputeStale } = await import("@/lib/matching/match-job");
  const postgres = (await import("postgres")).default;
  const bare = postgres(url, { max: 1, onnotice: () => {} });
  await ready();

  const [counts] = await bare<{ personas: number; identifiers: number; keys: number }[]>`
    select (select count(*)::int from personas) as personas, (select count(*)::int from identifiers) as identifiers,
      (select count(distinct persona_id)::int from persona_name_keys) as keys`;
  const { personas, identifiers, keys } = counts!;
  console.log(`${personas.toLocaleString()} personas, ${identifiers.toLocaleString()} identifiers; load ${load()}`);

  if (keys < personas / 2) {
    const started = performance.now();
    for (let after = "00000000-0000-0000-0000-000000000000"; ;) {
      const rows = await bare<{ id: string }[]>`select id from personas where id > ${after} order by id limit 5000`;
      if (rows.length === 0) break;
      await db.transaction((tx) =>
        writeNameKeys(
          tx,
          rows.map((r) => r.id),
        ),
      );
      after = rows.at(-1)!.id;
    }
    console.log(`name keys written for every persona in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const drawn = (n: number) =>
    bare<{ id: string }[]>`select id from personas order by md5(id::text || ${SEED}) limit ${n}`.then((r) =>
      r.map((x) => x.id),
    );
  const sample = await drawn(SAMPLE);
  const scoreTimes: number[] = [];
  const bareTimes: number[] = [];
  let pairs = 0;
  for (const [i, id] of sample.entries()) {
    let started = performance.now();
    await bare`select mine.identifier_id, i.type, i.value, mine.value as my_value,
        (select count(*)::int from persona_identifiers h where h.identifier_id = mine.identifier_id) as holders
      from persona_identifiers mine join identifiers i on i.id = mine.identifier_id where mine.persona_id = ${id}`;
    if (i >= 10) bareTimes.push(performance.now() - started);
    started = performance.now();
    const scored = await scoreCandidates(db, id);
    if (i >= 10) scoreTimes.push(performance.now() - started);
    pairs += scored.size;
  }
  const s = summary(scoreTimes);
  const b = summary(bareTimes);
  console.log(
    `scoreCandidates, ${scoreTimes.length} personas (after 10 untimed): p50 ${ms(s.p50)} / p95 ${ms(s.p95)} / max ${ms(s.max)}` +
      ` (${(pairs / sample.length).toFixed(2)} candidates each); target p95 <= 100 ms: ${s.p95 <= 100 ? "met" : "NOT met"}`,
  );
  console.log(
    `  bare read of the persona's identifiers with holder counts: p50 ${ms(b.p50)} / p95 ${ms(b.p95)} / max ${ms(b.max)};` +
      ` ratio p95 ${(s.p95 / Math.max(0.01, b.p95)).toFixed(1)} x; load ${load()}`,
  );

  // The review queue (GET /api/review/candidates without HTTP) for the three investigators leading
  // the most cases, beside a bare SELECT of one page of stored pairs.
  const { listReviewQueue } = await import("@/lib/personas/list-review-queue");
  const leads = await bare<{ id: string; email: string; name: string; cases: number }[]>`
    select u.id, u.email, u.name, count(c.id)::int as cases from users u join cases c on c.lead_id = u.id
    where u.role = 'investigator' group by u.id order by cases desc limit 3`;
  for (const u of leads) {
    const actor = { id: u.id, email: u.email, name: u.name, role: "investigator" as const, via: "cli" as const };
    const queue: number[] = [];
    const page: number[] = [];
    let total = 0;
    for (let i = 0; i < 6; i++) {
      let at = performance.now();
      total = (await listReviewQueue({ actor, query: { page: 1 } })).total;
      if (i > 0) queue.push(performance.now() - at);
      at = performance.now();
      await bare`select persona_a, persona_b, score, reasons from match_candidates where decision is null
        order by score desc, persona_a, persona_b limit 20`;
      if (i > 0) page.push(performance.now() - at);
    }
    const q = summary(queue);
    const p = summary(page);
    console.log(
      `review queue for a lead of ${u.cases.toLocaleString()} cases (${total.toLocaleString()} open pairs): p50 ${ms(q.p50)} / max ${ms(q.max)};` +
        ` bare page p50 ${ms(p.p50)} / max ${ms(p.max)}`,
    );
  }

  const all = RECOMPUTE === "all";
  const ids = all ? null : await drawn(Number(RECOMPUTE));
  const count = ids?.length ?? personas;
  if (count > 0) {
    // Marked as changed two minutes ago, as the matching job finds a change whose own job was lost.
    const mark = (where: ReturnType<typeof bare>) => bare`
      insert into persona_match_state (persona_id, changed_at)
      select id, now() - interval '2 minutes' from personas ${where}
      on conflict (persona_id) do update set generation = persona_match_state.generation + 1, changed_at = excluded.changed_at`;
    await mark(ids ? bare`where id = any(${ids}::uuid[])` : bare``);
    let peak = process.memoryUsage().rss;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const scored = await recomputeStale(sql`true`, (done) => {
      if (done > 0 && done % 10_000 === 0)
        console.log(`  ${done.toLocaleString()} scored, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(watch);
    const [{ stored } = { stored: 0 }] = await bare<
      { stored: number }[]
    >`select count(*)::int as stored from match_candidates`;
    console.log(
      `recomputation: ${scored.toLocaleString()} of ${count.toLocaleString()} personas in ${seconds.toFixed(1)} s` +
        ` (${((1000 * seconds) / Math.max(1, scored)).toFixed(1)} ms each), peak RSS ${(peak / 2 ** 20).toFixed(0)} MB` +
        ` (+${((peak - rssBefore) / 2 ** 20).toFixed(0)} MB), ${stored.toLocaleString()} pairs stored; load ${load()}`,
    );
    if (!all)
      console.log(
        `  all ${personas.toLocaleString()} personas at that rate (an extrapolation): ${(((seconds / Math.max(1, scored)) * personas) / 60).toFixed(0)} min`,
      );
  }
  await bare.end();
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
