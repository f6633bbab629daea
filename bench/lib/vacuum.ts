import type postgres from "postgres";

/**
 * A VACUUM can only mark a page all-visible once no open snapshot is older than its rows, and
 * autovacuum's own ANALYZE of a just-loaded table holds one: the first pass then leaves whole
 * tables without visibility maps (seen here: persona_identifiers, case_notes, tasks at 0 %),
 * and every index-only scan in the benchmarks reads the heap too. Wait for those workers, then
 * vacuum again whatever is still mostly unmarked.
 */
export async function settleVisibilityMaps(sql: postgres.Sql): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    for (let waited = 0; waited < 120; waited++) {
      const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker' and datname = current_database()`;
      if (n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const behind = await sql<{ name: string }[]>`
      select c.relname as name from pg_class c
      where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and c.relpages > 100 and c.relallvisible < c.relpages * 0.9`;
    if (behind.length === 0) return;
    process.stdout.write(`Vacuuming again (visibility maps still unset): ${behind.map((t) => t.name).join(", ")}\n`);
    await sql.unsafe(`vacuum ${behind.map((t) => `"${t.name}"`).join(", ")}`);
  }
}
