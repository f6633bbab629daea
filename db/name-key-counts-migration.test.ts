import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { applyMigration, migrationFiles } from "@/lib/testing/migrations";

// Migration 0030 counts the personas holding each name key (name_key_counts), from the keys
// already written, and a trigger keeps the counts as keys are written and removed.
type Count = { key: string; holders: number };
const counted = "select key, holders from name_key_counts order by key";
const recount = "select key, count(*)::int as holders from persona_name_keys group by key order by key";

describe("migration 0030 (name_key_counts)", () => {
  it("counts the keys already written, then follows every insert and delete of persona_name_keys", async () => {
    const pg = new PGlite();
    for (const file of migrationFiles.filter((f) => f < "0030")) await applyMigration(pg, file);
    const ids: string[] = [];
    for (const name of ["Kim Ji Su", "Gim Ji-Su", "Park Min"]) {
      const { rows } = await pg.query<{ id: string }>("insert into personas (display_name) values ($1) returning id", [
        name,
      ]);
      ids.push(rows[0]!.id);
    }
    await pg.query(
      `insert into persona_name_keys (persona_id, key) values ($1, 'ji kim su'), ($2, 'ji kim su'), ($3, 'min park')`,
      ids,
    );
    for (const file of migrationFiles.filter((f) => f >= "0030")) await applyMigration(pg, file);
    expect((await pg.query<Count>(counted)).rows).toEqual([
      { key: "ji kim su", holders: 2 },
      { key: "min park", holders: 1 },
    ]);

    await pg.query(`insert into persona_name_keys (persona_id, key) values ($1, 'min park'), ($2, 'new name')`, [
      ids[0],
      ids[1],
    ]);
    await pg.query(`delete from persona_name_keys where persona_id = $1 and key = 'ji kim su'`, [ids[1]]);
    // A deleted persona takes its keys with it.
    await pg.query(`delete from personas where id = $1`, [ids[2]]);
    expect((await pg.query<Count>(counted)).rows).toEqual((await pg.query<Count>(recount)).rows);
    expect((await pg.query<Count>(counted)).rows).toEqual([
      { key: "ji kim su", holders: 1 },
      { key: "min park", holders: 1 },
      { key: "new name", holders: 1 },
    ]);
    // The last holder of a key gone, the key is gone.
    await pg.query(`delete from persona_name_keys where key = 'new name'`);
    expect((await pg.query<Count>(counted)).rows.map((r) => r.key)).toEqual(["ji kim su", "min park"]);
    await pg.close();
  });
});
