import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { applyMigration, migrationFiles } from "@/lib/testing/migrations";

// Migration 0007 moves what people asserted about an identifier from the shared row to the
// claims. Run on data shaped as before it: the migrations up to 0006, then old-style rows, then 0007.
const files = migrationFiles;
const apply = applyMigration;

describe("migration 0007 (claim attributes)", () => {
  it("leaves derived facts on identifiers and gives asserted ones to the claims that could already see them", async () => {
    const pg = new PGlite();
    for (const file of files.filter((f) => f < "0007")) await apply(pg, file);
    await pg.exec(`
      insert into users (id, email, name, role, password_hash) values ('00000000-0000-4000-8000-000000000001', 'a@example.test', 'A', 'investigator', 'x');
      insert into cases (id, ref, title, lead_id) values
        ('00000000-0000-4000-8000-0000000000c1', 'C-1', 'one', '00000000-0000-4000-8000-000000000001'),
        ('00000000-0000-4000-8000-0000000000c2', 'C-2', 'two', '00000000-0000-4000-8000-000000000001');
      insert into personas (id, display_name) values
        ('00000000-0000-4000-8000-0000000000a1', 'first'), ('00000000-0000-4000-8000-0000000000a2', 'same case'),
        ('00000000-0000-4000-8000-0000000000a3', 'other case'), ('00000000-0000-4000-8000-0000000000a4', 'alone');
      insert into case_personas (case_id, persona_id, role) values
        ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', 'subject'),
        ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a2', 'subject'),
        ('00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000a3', 'subject');
      insert into identifiers (id, type, value, normalized_value, attributes) values
        ('00000000-0000-4000-8000-0000000000b1', 'payment_account', 'payoneer:x@example.test', 'payoneer:x@example.test', '{"platform": "payoneer", "holderName": "Secret Holder"}'),
        ('00000000-0000-4000-8000-0000000000b2', 'email', 'x@example.test', 'x@example.test', '{"provider": "example.test"}'),
        ('00000000-0000-4000-8000-0000000000b3', 'crypto_wallet', '0xab', '0xab', '{"chainInferred": "true", "asset": "USDT"}');
      insert into persona_identifiers (persona_id, identifier_id, created_at) values
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', '2026-01-01'),
        ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000b1', '2026-01-02'),
        ('00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-0000000000b1', '2026-01-03'),
        ('00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-0000000000b2', '2026-01-03'),
        ('00000000-0000-4000-8000-0000000000a4', '00000000-0000-4000-8000-0000000000b3', '2026-01-04');
    `);
    for (const file of files.filter((f) => f.startsWith("0007"))) await apply(pg, file);

    const ids = await pg.query<{ id: string; attributes: Record<string, string> }>(
      `select id, attributes from identifiers order by id`,
    );
    expect(ids.rows.map((r) => r.attributes)).toEqual([
      { platform: "payoneer" },
      { provider: "example.test" },
      { chainInferred: "true" },
    ]);
    const claims = await pg.query<{ persona: string; identifier: string; attributes: Record<string, string> }>(
      `select display_name as persona, right(identifier_id::text, 2) as identifier, pi.attributes
       from persona_identifiers pi join personas p on p.id = pi.persona_id order by identifier, persona`,
    );
    expect(claims.rows).toEqual([
      { persona: "first", identifier: "b1", attributes: { holderName: "Secret Holder" } },
      // A persona of another case never saw the first claim: it gets nothing it did not have.
      { persona: "other case", identifier: "b1", attributes: {} },
      { persona: "same case", identifier: "b1", attributes: { holderName: "Secret Holder" } },
      { persona: "other case", identifier: "b2", attributes: {} },
      { persona: "alone", identifier: "b3", attributes: { asset: "USDT" } },
    ]);
    await pg.close();
  });
});
