/**
 * `npm run bench:data -- --scale small|medium|large [--reset] [--seed N]`: loads a synthetic
 * data set into the local PostgreSQL in DATABASE_URL, for the benchmarks in bench/.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { flag, option, pointAppAtBench } from "../lib/config";
import { settleVisibilityMaps } from "../lib/vacuum";
import { loadDataSet } from "./load";
import { countsFor, type ScaleName, scaleNames } from "./scale";
import { benchEmails } from "./users";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scale = (option(args, "scale") ?? "small") as ScaleName;
  if (!scaleNames.includes(scale)) throw new Error(`--scale must be one of ${scaleNames.join(", ")}`);
  const seed = Number(option(args, "seed") ?? 20261123);
  const { databaseUrl, dataDir } = pointAppAtBench();

  const { ready, closeDb } = await import("@/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const started = performance.now();
  const sql = postgres(databaseUrl, {
    // One connection per parallel COPY stream (see load.ts), plus one spare.
    max: 4,
    onnotice: () => {},
    // A bulk load of throwaway data: waiting for each commit to reach disk buys nothing.
    connection: { application_name: "casework-bench-data", synchronous_commit: "off" },
  });
  try {
    const [{ made } = { made: false }] = await sql<{ made: boolean }[]>`select to_regclass('public.cases') is not null as made`;
    const [{ n } = { n: 0 }] = made ? await sql<{ n: number }[]>`select count(*)::int as n from cases` : [];
    if (n > 0 && !flag(args, "reset")) throw new Error(`The database already has ${n} cases. Use --reset to empty every table first.`);
    if (flag(args, "reset")) {
      // Emptied by making the schema again: TRUNCATE would be refused by the append-only logs'
      // triggers (migration 0008) and would lose the rows migrations seed (the audit chain's head).
      await sql.unsafe("drop schema if exists drizzle cascade; drop schema public cascade; create schema public");
      process.stdout.write("Emptied the database; the migrations make its schema again.\n");
    }
    await ready();
    const counts = countsFor(scale);
    process.stdout.write(`Generating the ${scale} data set (seed ${seed}): ${Object.entries(counts).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ")}\n`);
    const password = randomBytes(12).toString("base64url");
    const stats = await loadDataSet({
      sql,
      counts,
      seed,
      passwordHash: await hashPassword(password),
      dataDir,
      now: Date.now(),
    });
    const loaded = performance.now();
    process.stdout.write("Vacuuming and analysing (fresh statistics and visibility maps, so autovacuum does not start mid-benchmark)...\n");
    await sql`vacuum (analyze)`;
    await settleVisibilityMaps(sql);
    const analysed = performance.now();

    const { cliActorForEmail } = await import("@/lib/cli/operator");
    const { createToken } = await import("@/lib/tokens/tokens");
    const token = await createToken({ actor: await cliActorForEmail(benchEmails.admin), input: { name: `bench data ${scale}` } });
    const rows = stats.reduce((a, s) => a + s.rows, 0);
    process.stdout.write(
      `\nLoaded ${rows.toLocaleString("en")} rows in ${((loaded - started) / 1000).toFixed(1)} s ` +
        `(${Math.round(rows / ((loaded - started) / 1000)).toLocaleString("en")} rows/s); VACUUM ANALYZE ${((analysed - loaded) / 1000).toFixed(1)} s; ` +
        `total ${((performance.now() - started) / 1000).toFixed(1)} s.\n` +
        `Evidence files: ${dataDir}\n\nSign in as ${benchEmails.admin} with password ${password} (every bench user shares it: ${Object.values(benchEmails).join(", ")}).\n` +
        `API token (admin): ${token.token}\n`,
    );
  } finally {
    await sql.end({ timeout: 5 });
    await closeDb();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
