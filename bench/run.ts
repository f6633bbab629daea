/**
 * `npm run bench [-- --smoke] [--iterations N] [--only id,id] [--build] [--explain] [--scale small]`
 * Runs every scenario against the production build and the bare baseline, prints one table and
 * writes it to bench/results/<date>.json. See bench/README.md.
 */
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { benchEmails } from "./data/users";
import { flag, option, pointAppAtBench, projectRoot } from "./lib/config";
import { runLoad } from "./lib/loader";
import { formatTable, writeResults } from "./lib/report";
import { DIST_DIR, ensureBuild, type RunningServer, serverLogPath, startApp, startServer } from "./lib/server";
import type { BenchContext, ScenarioResult } from "./scenarios/types";

// --port P moves the app to P and the bare server to P + 1000, so two checkouts can measure at once.
const APP_PORT = Number(option(process.argv.slice(2), "port") ?? 3205);
const BARE_PORT = APP_PORT === 3205 ? 3206 : APP_PORT + 1000;
const tsx = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");

async function ensureData(sql: postgres.Sql, scale: string | undefined): Promise<Record<string, number>> {
  const count = async () =>
    Object.fromEntries(
      (
        await sql<
          { t: string; n: number }[]
        >`select relname as t, n_live_tup::int as n from pg_stat_user_tables where schemaname = 'public' order by relname`
      ).map((r) => [r.t, r.n]),
    );
  const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from cases`;
  if (n > 0) return count();
  if (!scale)
    throw new Error(
      "The database has no cases: load data first (npm run bench:data -- --scale large), or pass --scale small.",
    );
  const result = spawnSync(
    process.execPath,
    [tsx, "--conditions=react-server", path.join(projectRoot, "bench", "data", "generate.ts"), "--scale", scale],
    { stdio: "inherit", cwd: projectRoot },
  );
  if (result.status !== 0) throw new Error("loading the data set failed");
  return count();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const smoke = flag(args, "smoke");
  const iterations = Number(option(args, "iterations") ?? 1);
  const only = option(args, "only")?.split(",");
  const { databaseUrl, dataDir } = pointAppAtBench();
  const sql = postgres(databaseUrl, {
    max: 10,
    onnotice: () => {},
    connection: { application_name: "casework-bench-raw" },
  });
  const servers: RunningServer[] = [];
  const { closeDb } = await import("@/db");
  const setup = await import("./lib/setup");
  try {
    const rows = await ensureData(sql, option(args, "scale") ?? (smoke ? "small" : undefined));
    ensureBuild(flag(args, "build"));
    const admin = await setup.benchUser(benchEmails.admin);
    const investigator = await setup.benchUser(benchEmails.investigator);
    const catalogue = setup.writeCatalogue({ admin, investigator });
    const app = await startApp(APP_PORT, databaseUrl, dataDir, randomBytes(32).toString("base64url"));
    servers.push(app);
    const bare = await startServer({
      args: [tsx, path.join(projectRoot, "bench", "baseline-server.ts"), catalogue],
      port: BARE_PORT,
      healthPath: "/health",
      logName: `bare-${BARE_PORT}`,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(BARE_PORT) },
    });
    servers.push(bare);
    const ctx: BenchContext = {
      app,
      bareUrl: bare.url,
      sql,
      admin,
      investigator,
      tokenFor: setup.benchUser,
      smoke,
      iterations,
      dataDir,
      load: (config) => runLoad({ url: app.url, headers: {}, ...config }),
    };
    const { scenarios } = await import("./scenarios");
    const results: ScenarioResult[] = [];
    const loadBefore = os.loadavg();
    for (const s of scenarios.filter((x) => !only || only.includes(x.id))) {
      const missing = s.routes.filter((r) => !fs.existsSync(path.join(projectRoot, "app", "api", r)));
      const base = { id: s.id, title: s.title, target: s.target };
      if (missing.length > 0) {
        results.push({
          ...base,
          status: "skipped",
          note: `/api/${missing[0]?.replace(/\/route\.ts$/, "")} not built yet`,
        });
        process.stdout.write(`skipped: ${s.title} (/api/${missing[0]?.replace(/\/route\.ts$/, "")} not built yet)\n`);
        continue;
      }
      process.stdout.write(`running: ${s.title}...\n`);
      const started = performance.now();
      try {
        results.push({ ...base, status: "ok", ...(await s.run(ctx)) });
      } catch (error) {
        results.push({ ...base, status: "failed", note: error instanceof Error ? error.message : String(error) });
      }
      process.stdout.write(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
    const meta = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverageBefore: loadBefore,
        loadAverageAfter: os.loadavg(),
      },
      build: DIST_DIR,
      smoke,
      iterations,
      rows,
      commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim(),
    };
    process.stdout.write(
      `\n${formatTable(results)}\n\nLoad average before/after: ${loadBefore.map((v) => v.toFixed(2)).join(" ")} / ${os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(" ")} (${os.cpus().length} cores)\n`,
    );
    process.stdout.write(
      `Results: ${writeResults(results, meta, smoke)}; server log: ${serverLogPath(`server-${APP_PORT}`)}\n`,
    );
    fs.rmSync(catalogue, { force: true });
    if (flag(args, "explain")) {
      const { explainAll } = await import("./explain");
      await explainAll(sql, { admin: admin.actor, investigator: investigator.actor });
    }
  } finally {
    for (const s of servers) await s.stop();
    await setup.revokeBenchTokens().catch(() => {});
    await sql.end({ timeout: 5 });
    await closeDb();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
