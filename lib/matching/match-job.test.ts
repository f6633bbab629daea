import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { makeActor } from "@/lib/testing/factories";
import { makePersona } from "@/lib/testing/personas";
import { uuidArray } from "@/lib/sql";
import { recomputeStale } from "./match-job";

const lastAnalyzed = async () => {
  const [row] = await queryRows<{ at: string | null }>(
    db,
    sql`select last_analyze::text as at from pg_stat_user_tables where relname = 'match_candidates'`,
  );
  return row?.at ? new Date(row.at).getTime() : 0;
};

describe("recomputing waiting personas", () => {
  it("scores each waiting persona in scope once, reports progress, and refreshes the statistics as it goes", async () => {
    const actor = await makeActor("investigator");
    const personas = await Promise.all([1, 2, 3].map(() => makePersona(actor)));
    const ids = uuidArray(personas.map((p) => p.id));
    const before = Date.now() - 1000;
    const seen: number[] = [];

    const scored = await recomputeStale(sql`s.persona_id = any(${ids})`, (done) => seen.push(done), 1);
    expect(scored).toBe(3);
    expect(seen.at(-1)).toBe(3);
    const waiting = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from persona_match_state where persona_id = any(${ids}) and scored_generation < generation`,
    );
    expect(waiting[0]!.n).toBe(0);
    await db.execute(sql`select pg_stat_clear_snapshot()`);
    expect(await lastAnalyzed()).toBeGreaterThanOrEqual(before);

    // Nothing waits any more: a second run scores nobody.
    expect(await recomputeStale(sql`s.persona_id = any(${ids})`)).toBe(0);
  });
});
