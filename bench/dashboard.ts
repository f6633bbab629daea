/**
 * Dashboard benchmark: `npx tsx --conditions=react-server bench/dashboard.ts [--quick] [--keep] [--no-build]
 * [--reuse=<database>] [--lib-only]`.
 * Creates a fresh PostgreSQL database beside BENCH_DATABASE_URL (default the local server), loads
 * the bench data set (bench/data: 100,000 cases with their tasks, referrals and persona graph;
 * notes, evidence and audit rows trimmed, as the dashboard reads none of them), then measures
 * the summary in-process, its SQL on its own, the HTTP endpoint of a production build, and the
 * home page's Largest Contentful Paint with Lighthouse. Prints a table; drops the database.
 * --reuse measures a database kept by an earlier --keep run (and keeps it); --lib-only stops
 * before the production build.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const reuse = args.find((a) => a.startsWith("--reuse="))?.slice("--reuse=".length);
const dbName = reuse ?? `casework_bench_dashboard_${Date.now()}`;
const port = Number(process.env.E2E_PORT ?? 3204);
process.env.NEXT_DIST_DIR ??= ".next-db";
const log = (s: string) => process.stdout.write(`${s}\n`);
const ms = (n: number) => (Number.isNaN(n) ? "—" : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);

interface Row {
  what: string;
  runs: number;
  p50: number;
  p95: number;
  note?: string;
}

function printRows(rows: Row[], n: Record<string, number> | undefined): void {
  const f = (k: string) => (n?.[k] ?? 0).toLocaleString("en");
  log(
    `\n${f("cases")} cases, ${f("tasks")} tasks, ${f("referrals")} referrals, ${f("personas")} personas, ${f("links")} persona-identifier links; ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)}\n`,
  );
  log("| measurement | runs | p50 | p95 | note |\n|---|---|---|---|---|");
  for (const r of rows) log(`| ${r.what} | ${r.runs} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.note ?? ""} |`);
}

async function main(): Promise<void> {
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  if (!reuse) await admin.unsafe(`create database "${dbName}"`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  process.env.DATABASE_URL = url.toString();
  process.env.DATA_DIR = path.join(os.tmpdir(), dbName);
  process.env.LOG_LEVEL = "silent";
  const raw = postgres(url.toString(), {
    max: 10,
    onnotice: () => {},
    connection: { application_name: "casework-bench-dashboard" },
  });
  let server: { stop(): Promise<void> } | undefined;
  try {
    const { ready, closeDb } = await import("@/db");
    const { loadDataSet } = await import("./data/load");
    const { countsFor } = await import("./data/scale");
    const { benchEmails } = await import("./data/users");
    const { hashPassword } = await import("@/lib/auth/password");
    const { timeSequential } = await import("./lib/stats");
    await ready();

    const counts = { ...countsFor(quick ? "medium" : "large"), notes: 20_000, auditEvents: 20_000, evidence: 20_000 };
    const password = randomBytes(12).toString("base64url");
    if (reuse) {
      await raw`update users set password_hash = ${await hashPassword(password)} where email = ${benchEmails.manager}`;
      await raw`vacuum (analyze) cases`;
    } else {
      log(
        `Generating into ${dbName}: ${Object.entries(counts)
          .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
          .join(", ")}`,
      );
      const started = performance.now();
      const loader = postgres(url.toString(), {
        max: 4,
        onnotice: () => {},
        connection: { synchronous_commit: "off" },
      });
      await loadDataSet({
        sql: loader,
        counts,
        seed: 20261123,
        passwordHash: await hashPassword(password),
        dataDir: process.env.DATA_DIR,
        now: Date.now(),
      });
      await loader`vacuum (analyze)`;
      await loader.end();
      log(`  loaded and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const [sizes] = await raw<
      { cases: number; tasks: number; referrals: number; personas: number; links: number }[]
    >`select
      (select count(*) from cases)::int as cases, (select count(*) from remediation_tasks)::int as tasks, (select count(*) from referrals)::int as referrals,
      (select count(*) from personas)::int as personas, (select count(*) from persona_identifiers)::int as links`;

    const { cliActorForEmail } = await import("@/lib/cli/operator");
    const { getDashboardSummary } = await import("@/lib/dashboard/summary");
    const { dashboardQuerySchema } = await import("@/lib/dashboard/schema");
    const { buildScope } = await import("@/lib/dashboard/scope");
    const { dashboardStatements } = await import("@/lib/dashboard/queries");
    const { resolvePeriod } = await import("@/lib/dashboard/period");
    const manager = await cliActorForEmail(benchEmails.manager);
    const investigator = await cliActorForEmail(benchEmails.investigator);
    const [{ team } = { team: "" }] = await raw<
      { team: string }[]
    >`select subject_team as team from cases group by 1 order by count(*) desc limit 1`;
    const [{ mine } = { mine: 0 }] = await raw<
      { mine: number }[]
    >`select count(*)::int as mine from cases where lead_id = ${investigator.id} or id in (select case_id from case_members where user_id = ${investigator.id})`;

    const variants = [
      { what: "manager, last 30 days", actor: manager, query: resolvePeriod("30d") },
      {
        what: "manager, last 90 days, high+critical",
        actor: manager,
        query: { ...resolvePeriod("90d"), severity: "high,critical" },
      },
      { what: `manager, this quarter, team ${team}`, actor: manager, query: { ...resolvePeriod("quarter"), team } },
      { what: `investigator (${mine} cases), last 30 days`, actor: investigator, query: resolvePeriod("30d") },
    ];
    const rows: Row[] = [];
    const runs = quick ? 20 : 60;
    log("\nIn-process summary (getDashboardSummary)...");
    for (const v of variants) {
      // The first request of a process starts the network computation; measure the steady state.
      await getDashboardSummary({ actor: v.actor, query: v.query, networkWaitMs: 600_000 });
      const t = await timeSequential(() => getDashboardSummary({ actor: v.actor, query: v.query }), runs, 5);
      rows.push({
        what: `lib: ${v.what}`,
        runs,
        p50: t.p50,
        p95: t.p95,
        note: "networks from the last background computation",
      });
    }
    const { computeNetworks } = await import("@/lib/graph/networks");
    const graph = await timeSequential(() => computeNetworks(manager), quick ? 2 : 3, 0);
    rows.push({
      what: "background: computeNetworks (every persona network, as a manager)",
      runs: graph.runs,
      p50: graph.p50,
      p95: graph.p95,
      note: "off the request path: at most every 5 minutes per visibility group",
    });

    log("Raw SQL (the same statements through postgres.js, no app code)...");
    const dialect = new PgDialect({ casing: "snake_case" });
    for (const v of [variants[0]!, variants[3]!]) {
      const scope = buildScope(v.actor, dashboardQuerySchema.parse(v.query), new Date());
      const statements = Object.entries(dashboardStatements(scope)).map(([name, s]) => ({
        name,
        ...dialect.sqlToQuery(s),
      }));
      const exec = (q: { sql: string; params: unknown[] }) => raw.unsafe(q.sql, q.params as never[]);
      const everyRequest = statements.filter((q) => !q.name.includes("memoised"));
      const all = await timeSequential(() => Promise.all(everyRequest.map(exec)), runs, 5);
      rows.push({
        what: `SQL: every statement a request runs, in parallel, ${v.what}`,
        runs,
        p50: all.p50,
        p95: all.p95,
        note: `${everyRequest.length} statements (networks not included)`,
      });
      if (v === variants[0]) {
        for (const q of statements) {
          const t = await timeSequential(() => exec(q), quick ? 10 : 30, 3);
          rows.push({ what: `SQL: ${q.name}`, runs: t.runs, p50: t.p50, p95: t.p95 });
        }
      }
    }
    await closeDb();
    if (args.includes("--lib-only")) {
      printRows(rows, sizes);
      return;
    }

    const { DIST_DIR, ensureBuild, serverLogPath, startServer } = await import("./lib/server");
    ensureBuild(!args.includes("--no-build"));
    const app = await startServer({
      args: [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
      port,
      healthPath: "/api/health",
      logName: `dashboard-${process.pid}`,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: DIST_DIR,
        DATABASE_URL: url.toString(),
        DATA_DIR: process.env.DATA_DIR,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        AUTH_TRUST_HOST: "true",
        LOG_LEVEL: "warn",
      },
    });
    log(`  server log: ${serverLogPath(`dashboard-${process.pid}`)}`);
    server = app;
    const { measureLcp, signInCookie } = await import("./dashboard-lighthouse");
    const cookie = await signInCookie(app.url, benchEmails.manager, password);
    log("HTTP: GET /api/dashboard/summary on the production build...");
    const http = await timeSequential(
      async () => {
        const response = await fetch(`${app.url}/api/dashboard/summary`, { headers: { cookie } });
        if (!response.ok) throw new Error(`summary answered ${response.status}`);
        await response.arrayBuffer();
      },
      runs,
      5,
    );
    rows.push({
      what: "HTTP: GET /api/dashboard/summary (manager, session cookie)",
      runs,
      p50: http.p50,
      p95: http.p95,
    });
    const page = await timeSequential(
      async () => {
        const response = await fetch(`${app.url}/`, { headers: { cookie } });
        if (!response.ok || response.url.includes("/login")) throw new Error(`home page answered ${response.status}`);
        await response.arrayBuffer();
      },
      quick ? 10 : 20,
      3,
    );
    rows.push({
      what: "HTTP: GET / (server-rendered with the figures)",
      runs: page.runs,
      p50: page.p50,
      p95: page.p95,
    });

    log("Lighthouse: Largest Contentful Paint of / as the manager...");
    const lcp = await measureLcp(`${app.url}/`, cookie, quick ? 2 : 3);

    printRows(rows, sizes);
    log("\n| Lighthouse LCP of / | runs | median | each run | LCP element |\n|---|---|---|---|---|");
    for (const l of lcp) {
      const sorted = [...l.runs].sort((a, b) => a - b);
      log(
        `| ${l.mode} | ${l.runs.length} | ${ms(sorted[Math.floor(sorted.length / 2)] ?? NaN)} | ${l.runs.map(ms).join(", ")} | \`${l.element.slice(0, 70).replace(/\|/g, "/")}\` |`,
      );
    }
  } finally {
    await server?.stop();
    await raw.end({ timeout: 5 });
    if (args.includes("--keep") || reuse) log(`kept database ${dbName}`);
    else await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
