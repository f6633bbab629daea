import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { applyMigration, migrationFiles } from "@/lib/testing/migrations";
import { canonicalJson, GENESIS_HASH, hashEvent } from "@/lib/audit/chain";

// Migration 0027 gives the audit chain a head row; on a log already written it starts at the
// newest event, so the next append chains to it.
const files = migrationFiles;
const apply = applyMigration;

async function migratedBefore(): Promise<PGlite> {
  const pg = new PGlite();
  for (const file of files.filter((f) => f < "0027")) await apply(pg, file);
  return pg;
}

const rest = () => files.filter((f) => f >= "0027");
type Head = { seq: string; hash: string; prev_hash: string | null; at: Date | null };

describe("migration 0027 (audit_head)", () => {
  it("starts the head at the newest event of a log already written", async () => {
    const pg = await migratedBefore();
    let prevHash = GENESIS_HASH;
    const written: { seq: number; hash: string; prevHash: string; at: Date }[] = [];
    for (let seq = 1; seq <= 3; seq++) {
      const fields = {
        seq,
        at: new Date(Date.UTC(2026, 11, 1, 10, seq, 0, 250)),
        actorId: null,
        actorLabel: "system",
        action: "test.event",
        entityType: "test",
        entityId: `e${seq}`,
        caseId: null,
        detail: { seq },
        prevHash,
      };
      const hash = hashEvent(fields);
      await pg.query(
        `insert into audit_events (seq, at, actor_label, action, entity_type, entity_id, detail, prev_hash, hash)
         values ($1, $2, 'system', 'test.event', 'test', $3, $4::jsonb, $5, $6)`,
        [seq, fields.at.toISOString(), fields.entityId, canonicalJson(fields.detail), prevHash, hash],
      );
      written.push({ seq, hash, prevHash, at: fields.at });
      prevHash = hash;
    }
    for (const file of rest()) await apply(pg, file);
    const { rows } = await pg.query<Head>("select seq::text, hash, prev_hash, at from audit_head");
    expect(rows).toHaveLength(1);
    const last = written.at(-1)!;
    expect(rows[0]).toMatchObject({ seq: "3", hash: last.hash, prev_hash: last.prevHash });
    expect(rows[0]!.at?.getTime()).toBe(last.at.getTime());
    await pg.close();
  });

  it("starts an empty log's head at the genesis hash, and allows only that one row", async () => {
    const pg = await migratedBefore();
    for (const file of rest()) await apply(pg, file);
    const { rows } = await pg.query<Head>("select seq::text, hash, prev_hash, at from audit_head");
    expect(rows).toEqual([{ seq: "0", hash: GENESIS_HASH, prev_hash: null, at: null }]);
    await expect(pg.query(`insert into audit_head (id, seq, hash) values (2, 0, '${GENESIS_HASH}')`)).rejects.toThrow(
      /audit_head_one_row/,
    );
    await pg.close();
  });
});
