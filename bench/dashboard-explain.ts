/**
 * `DATABASE_URL=... npx tsx --conditions=react-server bench/dashboard-explain.ts [email] [period]`:
 * EXPLAIN ANALYZE of every dashboard statement as one user (default the bench manager), to see
 * which plan a statement gets on a loaded database (e.g. one kept by bench/dashboard.ts --keep).
 */
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";

async function main(): Promise<void> {
  process.env.LOG_LEVEL = "silent";
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the loaded database");
  const [email = "bench-manager@casework.test", period = "30d"] = process.argv.slice(2);
  const { cliActorForEmail } = await import("@/lib/cli/operator");
  const { dashboardQuerySchema } = await import("@/lib/dashboard/schema");
  const { buildScope } = await import("@/lib/dashboard/scope");
  const { dashboardStatements } = await import("@/lib/dashboard/queries");
  const { resolvePeriod } = await import("@/lib/dashboard/period");
  const { closeDb } = await import("@/db");
  const actor = await cliActorForEmail(email);
  const scope = buildScope(actor, dashboardQuerySchema.parse(resolvePeriod(period)), new Date());
  const dialect = new PgDialect({ casing: "snake_case" });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const [name, statement] of Object.entries(dashboardStatements(scope))) {
      const q = dialect.sqlToQuery(statement);
      await sql.unsafe(q.sql, q.params as never[]);
      const plan = await sql.unsafe<{ "QUERY PLAN": string }[]>(
        `explain (analyze, buffers) ${q.sql}`,
        q.params as never[],
      );
      process.stdout.write(`\n== ${name}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
    }
  } finally {
    await sql.end();
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
