import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { personaMatchState } from "@/db/schema";
import { drainJobs } from "@/lib/jobs/worker";
import { MATCH_CANDIDATES } from "@/lib/matching/queue-matching";
import { scoreStalePersona } from "@/lib/matching/store-candidates";

/**
 * Runs the matching job until no persona waits to be scored, as the server's worker would. Other
 * test files share a PostgreSQL database and may hold a job for a moment: those personas are scored
 * here directly (scoring is idempotent).
 */
export async function settleMatching(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await drainJobs([MATCH_CANDIDATES]);
    const stale = await queryRows<{ persona_id: string }>(
      db,
      sql`select persona_id from ${personaMatchState} where scored_generation < generation`,
    );
    if (stale.length === 0) return;
    for (const { persona_id } of stale) await scoreStalePersona(persona_id);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("possible matches never settled");
}
