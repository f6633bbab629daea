import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";

let cached: boolean | undefined;

/**
 * Whether pg_trgm is installed (migration 0020 creates it where the server offers it; the embedded
 * database always loads it). Without it names are found by equal keys only. Asked once a process.
 */
export async function hasTrigrams(runner: DbOrTx): Promise<boolean> {
  if (cached === undefined) {
    const [row] = await queryRows<{ ok: boolean }>(
      runner,
      sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as ok`,
    );
    cached = row?.ok === true;
  }
  return cached;
}
