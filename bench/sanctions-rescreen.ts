/**
 * Sanctions: the re-screen of every persona that a new list version sets off, while the app serves.
 *
 *   DATABASE_URL=postgres://… npm run bench:rescreen            (the bench data set already loaded)
 *   DATABASE_URL=postgres://… PERSONAS=2000 npm run bench:rescreen   (an empty database: loads a
 *                                        set of that many personas first, the rest in proportion)
 *
 * 1. on an empty database, loads the bench data set (bench/data) scaled to PERSONAS personas;
 * 2. gives HITS personas (default one in a hundred) one identifier of the SDN snapshot each (a
 *    wallet, an e-mail, a document number...), and removes the flags and tasks a previous run raised;
 * 3. measures three users of the app for BASELINE_SECONDS (default 20): getPersona (GET
 *    /api/personas/{id}), screenPersona (GET /api/personas/{id}/sanctions) and addIdentifier (POST
 *    /api/personas/{id}/identifiers, an audited write), each back to back on random personas;
 * 4. imports the snapshot as a new list version (startImport, as the admin page and the CLI do),
 *    which runs the sanctions.list job in this process: the entries go in, then every persona
 *    holding a listed identifier is screened and flagged. The same three users keep going; the
 *    process's RSS is sampled every 50 ms;
 * 5. prints the job's time (entries, then the re-screen), the RSS growth, each user's p50/p95
 *    during the job beside before it, and the reference SQL (the one join finding the personas
 *    on the list) as the baseline; writes bench/results/<date>.json.
 * Target from the issue: the re-screen of 200,000 personas / 1,000,000 identifiers <= 5 minutes,
 * RSS growth <= 300 MB, while the app serves.
 */
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import postgres from "postgres";
import { pointAppAtBench } from "./lib/config";
import { newSnapshotVersion, plantListedIdentifiers } from "./lib/listed-identifiers";
import { writeResults } from "./lib/report";
import { type ProbeFigures, startProbe, startRssSampler } from "./lib/serving-probe";
import type { ScenarioResult } from "./scenarios/types";
import { countsForPersonas } from "./data/scale";
import { benchEmails } from "./data/users";

const BASELINE_SECONDS = Number(process.env.BASELINE_SECONDS ?? 20);
const loadAverage = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function loadIfEmpty(sql: postgres.Sql, dataDir: string): Promise<void> {
  const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from personas`;
  if (n > 0) return;
  const { loadDataSet } = await import("./data/load");
  const { hashPassword } = await import("@/lib/auth/password");
  const { settleVisibilityMaps } = await import("./lib/vacuum");
  const counts = countsForPersonas(Number(process.env.PERSONAS ?? 200_000));
  console.log(`empty database: loading the bench data set with ${counts.personas.toLocaleString("en")} personas`);
  const started = performance.now();
  const passwordHash = await hashPassword(randomBytes(12).toString("base64url"));
  await loadDataSet({ sql, counts, seed: 20261123, passwordHash, dataDir, now: Date.now() });
  await sql`vacuum (analyze)`;
  await settleVisibilityMaps(sql);
  console.log(`loaded in ${seconds(performance.now() - started)}`);
}

async function main(): Promise<void> {
  const { databaseUrl, dataDir } = pointAppAtBench();
  const { ready, closeDb } = await import("@/db");
  await ready();
  // Four: the loader runs three COPY streams at once (bench/data/load.ts).
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  try {
    await loadIfEmpty(sql, dataDir);
    const [size] = await sql<{ personas: number; identifiers: number; claims: number }[]>`
      select (select count(*)::int from personas) as personas, (select count(*)::int from identifiers) as identifiers,
             (select count(*)::int from persona_identifiers) as claims`;
    const hits = Number(process.env.HITS ?? Math.round(size!.personas / 100));
    const planted = await plantListedIdentifiers(sql, hits);
    // The snapshot itself as the version in force before (the demo's): screenPersona then reads a
    // list before the job as during it. Importing it again changes nothing.
    await (await import("@/lib/seed/sanctions")).seedSanctions();
    // Each run raises the same work: what an earlier run raised goes (the audit log keeps its record).
    await sql`delete from persona_red_flags where code = 'SANCTIONS_HIT'`;
    await sql`delete from remediation_tasks where template_id = 'sanctions-hit'`;
    await sql`analyze identifiers, persona_identifiers, persona_red_flags, remediation_tasks`;
    console.log(
      `${size!.personas.toLocaleString("en")} personas, ${size!.identifiers.toLocaleString("en")} identifiers, ` +
        `${size!.claims.toLocaleString("en")} claims; ${planted.personas.toLocaleString("en")} personas hold one of the snapshot's ${planted.keys.toLocaleString("en")} listed identifiers`,
    );

    const { cliActorForEmail } = await import("@/lib/cli/operator");
    const { getPersona } = await import("@/lib/personas/get-persona");
    const { addIdentifier } = await import("@/lib/personas/add-identifier");
    const { screenPersona } = await import("@/lib/sanctions/screen-persona");
    const { startImport } = await import("@/lib/sanctions/import-list");
    const actor = { ...(await cliActorForEmail(benchEmails.admin)), via: "cli" as const };
    const ids = (await sql<{ id: string }[]>`select id from personas order by random() limit 2000`).map((r) => r.id);
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;
    const users = {
      getPersona: (i: number) => getPersona({ actor, personaId: pick(i) }),
      screenPersona: (i: number) => screenPersona({ actor, personaId: pick(i + 1) }),
      addIdentifier: (i: number) =>
        addIdentifier({
          actor,
          personaId: pick(i + 2),
          input: { type: "email", value: `rescreen.${randomBytes(5).toString("hex")}@example.test` },
        }),
    };
    const probeAll = () => Object.entries(users).map(([name, fn]) => ({ name, probe: startProbe(fn) }));
    const stopAll = async (running: ReturnType<typeof probeAll>) =>
      Object.fromEntries(await Promise.all(running.map(async (r) => [r.name, await r.probe.stop()] as const)));

    const load = { start: loadAverage(), end: "" };
    for (let i = 0; i < 20; i++) await Promise.all(Object.values(users).map((fn) => fn(i)));
    const beforeProbes = probeAll();
    await new Promise((resolve) => setTimeout(resolve, BASELINE_SECONDS * 1000));
    const before: Record<string, ProbeFigures> = await stopAll(beforeProbes);

    const stamp = new Date().toISOString();
    const rss = startRssSampler();
    const duringProbes = probeAll();
    const started = performance.now();
    const version = await startImport(null, {
      source: "ofac_sdn_csv",
      fileName: `ofac-sdn-bench-${stamp}.csv`,
      file: newSnapshotVersion(stamp),
      publishedAt: stamp.slice(0, 10),
    });
    // The job says when its entries are in (progress 500): the re-screen runs from there.
    let filledAt = NaN;
    let rssAtFill = NaN;
    const watch = setInterval(() => {
      void sql<
        { progress: number }[]
      >`select progress from jobs where kind = 'sanctions.list' and key = ${version.id}`.then(([job]) => {
        if (!Number.isNaN(filledAt) || (job?.progress ?? 0) < 500) return;
        filledAt = performance.now();
        rssAtFill = rss.peakMb();
      });
    }, 100);
    await version.done;
    const ended = performance.now();
    clearInterval(watch);
    const during: Record<string, ProbeFigures> = await stopAll(duringProbes);
    const memory = rss.stop();
    load.end = loadAverage();

    const [list] = await sql<
      { status: string; entries: number }[]
    >`select status, entries from sanctions_lists where id = ${version.id}`;
    const [raised] = await sql<{ flags: number; tasks: number }[]>`
      select (select count(*)::int from persona_red_flags where code = 'SANCTIONS_HIT') as flags,
             (select count(*)::int from remediation_tasks where template_id = 'sanctions-hit') as tasks`;
    const referenceStart = performance.now();
    const [onList] = await sql<{ n: number }[]>`
      select count(distinct pi.persona_id)::int as n from sanctions_keys k
      join identifiers i on i.type = k.type and i.normalized_value = k.normalized_value
      join persona_identifiers pi on pi.identifier_id = i.id
      where k.list_id = ${version.id}`;
    const referenceMs = performance.now() - referenceStart;

    const totalMs = ended - started;
    const rescreenMs = Number.isNaN(filledAt) ? NaN : ended - filledAt;
    console.log(
      `\nlist version ${list?.status}, ${list?.entries.toLocaleString("en")} entries; ${onList?.n.toLocaleString("en")} personas on the list; ` +
        `${raised?.flags.toLocaleString("en")} SANCTIONS_HIT flags, ${raised?.tasks.toLocaleString("en")} "Do not pay" tasks`,
    );
    console.log(
      `job: ${seconds(totalMs)} (entries ${seconds(totalMs - rescreenMs)}, re-screen ${seconds(rescreenMs)})`,
    );
    console.log(`reference SQL (the join finding the personas on the list): ${seconds(referenceMs)}`);
    console.log(
      `RSS ${memory.startMb.toFixed(0)} MB at the start, peak ${memory.peakMb.toFixed(0)} MB: growth ${memory.growthMb.toFixed(0)} MB ` +
        `(peak ${rssAtFill.toFixed(0)} MB by the time the entries were in)`,
    );
    console.log(`\nserving p50 / p95 / max ms ${"before".padStart(16)} ${"during the job".padStart(38)}   ratio p95`);
    for (const name of Object.keys(users)) {
      const b = before[name]!;
      const d = during[name]!;
      const f = (x: ProbeFigures) =>
        `${x.p50.toFixed(1).padStart(7)} /${x.p95.toFixed(1).padStart(8)} /${x.max.toFixed(0).padStart(6)} (${x.requests}${x.errors ? `, ${x.errors} errors` : ""})`;
      console.log(`${name.padEnd(20)} ${f(b)}   ${f(d)}   ${(d.p95 / b.p95).toFixed(2)}`);
    }
    const met = totalMs <= 300_000 && memory.growthMb <= 300;
    console.log(
      `\ntarget job <= 5 min with RSS growth <= 300 MB: ${met ? "yes" : "NO"}; load average ${load.start} at the start, ${load.end} at the end (${os.cpus().length} cores)`,
    );

    const serving = (id: string, name: string, title: string): ScenarioResult => ({
      id: `sanctions-rescreen-${id}`,
      title,
      status: "ok",
      product: { ...during[name]!, label: "during the job" },
      baseline: { ...before[name]!, label: "the same requests before the job" },
      ratio: { label: "p95 during / before", value: during[name]!.p95 / before[name]!.p95 },
      target: "serves during the job",
    });
    const results: ScenarioResult[] = [
      {
        id: "sanctions-rescreen",
        title: "sanctions re-screen (new list version)",
        status: "ok",
        note: `${size!.personas} personas, ${size!.identifiers} identifiers; ${onList?.n} on the list, ${raised?.flags} flags raised; entries ${seconds(totalMs - rescreenMs)}, re-screen ${seconds(rescreenMs)}; load average ${load.start} -> ${load.end}`,
        product: { seconds: totalMs / 1000, peakRssMb: memory.peakMb, rssGrowthMb: memory.growthMb },
        baseline: { seconds: referenceMs / 1000, label: "reference SQL: the join finding the personas on the list" },
        ratio: { label: "job / reference SQL", value: totalMs / referenceMs },
        target: "<= 300 s, RSS +<= 300 MB (#17)",
        met,
        details: { ...size, planted, rescreenSeconds: rescreenMs / 1000, loadAverage: load },
      },
      serving("get-persona", "getPersona", "getPersona during the sanctions job"),
      serving("screen-persona", "screenPersona", "screenPersona during the sanctions job"),
      serving("add-identifier", "addIdentifier", "addIdentifier during the sanctions job"),
    ];
    console.log(
      `\nresults: ${writeResults(results, { bench: "sanctions-rescreen", at: stamp, loadAverage: load }, false)}`,
    );
  } finally {
    await sql.end({ timeout: 5 });
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
