import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { applyMigration, migrationFiles, migrationStatements } from "@/lib/testing/migrations";
import { normalizeIdentifier } from "@/lib/identifiers/normalize";

// Migration 0011 gives each claim its value as entered and re-keys stored emails and postal
// addresses with the match-key rules, merging shared rows whose keys now coincide. Run on data
// shaped as before it: the migrations up to 0010, then rows as the old normalisers stored them.
const files = migrationFiles;
const apply = applyMigration;

const id = (n: string) => `00000000-0000-4000-8000-0000000000${n}`;
/** What the normaliser stored before 0011: trimmed, NFKC, whitespace collapsed, lower-cased. */
const oldForm = (raw: string) => raw.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

const addresses = [
  "12 Example Street, Atlanta GA 30301",
  "12 example st., atlanta, ga 30301",
  "1200 Sample Freight Way,  Unit 4, Exampleville, TX 75001",
  "4 Sample Ave #5",
  "Flat 2, 1 Example Road, London SW1A 1AA",
  "Königstraße 7, 70173 Stuttgart",
  "Rue de l’Église 3, 75001 Paris",
  "221B Baker St. (rear), Apt. #4",
  "Building 9 — Floor 3, 5th Avenue; “Suite” 7/8, 10001-1234",
];

async function migratedDatabase() {
  const pg = new PGlite();
  for (const file of files.filter((f) => f < "0011")) await apply(pg, file);
  await pg.exec(`
    insert into personas (id, display_name) values
      ('${id("a1")}', 'first'), ('${id("a2")}', 'second'), ('${id("a3")}', 'third');
    insert into identifiers (id, type, value, normalized_value, attributes, created_at) values
      ('${id("b1")}', 'email', 'abc@gmail.com', 'abc@gmail.com', '{"provider": "gmail.com"}', '2026-01-01'),
      ('${id("b2")}', 'email', 'A.B.C+x@googlemail.com', 'a.b.c+x@googlemail.com', '{"provider": "googlemail.com"}', '2026-01-02'),
      ('${id("b3")}', 'email', 'a.bc@gmail.com', 'a.bc@gmail.com', '{"provider": "gmail.com"}', '2026-01-03'),
      ('${id("b4")}', 'email', 'Jane+jobs@Outlook.com', 'jane+jobs@outlook.com', '{"provider": "outlook.com"}', '2026-01-04'),
      ('${id("b5")}', 'email', 'jane+x@example.com', 'jane+x@example.com', '{"provider": "example.com"}', '2026-01-05'),
      ('${id("b6")}', 'email', 'not an email', 'not an email', '{"unparsed": "true"}', '2026-01-06'),
      ('${id("c1")}', 'postal_address', '12 Example Street, Atlanta GA 30301', '${oldForm(addresses[0]!)}', '{}', '2026-01-01'),
      ('${id("c2")}', 'postal_address', '12 example st., atlanta, ga 30301', '${oldForm(addresses[1]!)}', '{}', '2026-01-02');
    insert into persona_identifiers (persona_id, identifier_id, confidence, attributes, observed_at, created_at) values
      ('${id("a1")}', '${id("b1")}', 40, '{"note": "from the CV"}', '2026-02-01', '2026-01-01'),
      ('${id("a2")}', '${id("b2")}', 80, '{}', null, '2026-01-02'),
      -- The first persona held two spellings: they become one claim, nothing dropped.
      ('${id("a1")}', '${id("b3")}', 90, '{"holderName": "A B C"}', '2026-01-15', '2026-01-03'),
      ('${id("a3")}', '${id("b4")}', 50, '{}', null, '2026-01-04'),
      ('${id("a3")}', '${id("b5")}', 50, '{}', null, '2026-01-05'),
      ('${id("a3")}', '${id("b6")}', 50, '{}', null, '2026-01-06'),
      ('${id("a1")}', '${id("c1")}', 50, '{"role": "resume"}', null, '2026-01-01'),
      ('${id("a3")}', '${id("c2")}', 60, '{"role": "shipping"}', null, '2026-01-02');
  `);
  await apply(
    pg,
    files.find((f) => f.startsWith("0011"))!,
  );
  return pg;
}

describe("migration 0011 (match keys)", () => {
  it("merges shared rows whose keys coincide, keeping every claim, its value and its attributes", async () => {
    const pg = await migratedDatabase();
    const ids = await pg.query<{ id: string; type: string; normalized_value: string; attributes: object }>(
      `select right(id::text, 2) as id, type, normalized_value, attributes from identifiers order by id`,
    );
    expect(ids.rows).toEqual([
      { id: "b1", type: "email", normalized_value: "abc@gmail.com", attributes: { provider: "gmail.com" } },
      { id: "b4", type: "email", normalized_value: "jane@outlook.com", attributes: { provider: "outlook.com" } },
      { id: "b5", type: "email", normalized_value: "jane+x@example.com", attributes: { provider: "example.com" } },
      { id: "b6", type: "email", normalized_value: "not an email", attributes: { unparsed: "true" } },
      { id: "c1", type: "postal_address", normalized_value: "12 example st atlanta ga 30301", attributes: {} },
    ]);
    const claims = await pg.query<Record<string, unknown>>(
      `select p.display_name as persona, right(pi.identifier_id::text, 2) as identifier, pi.value, pi.confidence,
              pi.attributes, pi.observed_at::date::text as observed, pi.created_at::date::text as created
       from persona_identifiers pi join personas p on p.id = pi.persona_id order by identifier, persona`,
    );
    expect(claims.rows).toEqual([
      {
        persona: "first",
        identifier: "b1",
        value: "abc@gmail.com",
        confidence: 90,
        attributes: { note: "from the CV", holderName: "A B C", alsoEnteredAs: "a.bc@gmail.com" },
        observed: "2026-01-15",
        created: "2026-01-01",
      },
      {
        persona: "second",
        identifier: "b1",
        value: "A.B.C+x@googlemail.com",
        confidence: 80,
        attributes: {},
        observed: null,
        created: "2026-01-02",
      },
      expect.objectContaining({ persona: "third", identifier: "b4", value: "Jane+jobs@Outlook.com" }),
      expect.objectContaining({ persona: "third", identifier: "b5", value: "jane+x@example.com" }),
      expect.objectContaining({ persona: "third", identifier: "b6", value: "not an email" }),
      expect.objectContaining({ persona: "first", identifier: "c1", attributes: { role: "resume" } }),
      expect.objectContaining({
        persona: "third",
        identifier: "c1",
        value: "12 example st., atlanta, ga 30301",
        attributes: { role: "shipping" },
      }),
    ]);
    await pg.close();
  });

  it("computes the same postal keys as the normaliser", async () => {
    const pg = await migratedDatabase();
    await pg.exec(`delete from identifiers`);
    // Run the re-keying alone on old-form rows: a second apply of 0011 without its DDL.
    for (const [index, raw] of addresses.entries()) {
      await pg.query(
        `insert into identifiers (type, value, normalized_value, created_at) values ('postal_address', $1, $2, now() + make_interval(secs => $3))`,
        [raw, oldForm(raw), index],
      );
    }
    const statements = migrationStatements(files.find((f) => f.startsWith("0011"))!).filter((s) =>
      /TEMP TABLE|DELETE FROM "identifiers"|UPDATE "identifiers"|DROP TABLE/.test(s),
    );
    for (const statement of statements) await pg.exec(statement);
    const rows = await pg.query<{ value: string; normalized_value: string }>(
      `select value, normalized_value from identifiers order by created_at`,
    );
    const expected = new Map<string, string>();
    for (const raw of addresses) {
      const key = normalizeIdentifier({ type: "postal_address", value: raw }).normalizedValue;
      if (![...expected.values()].includes(key)) expected.set(raw, key);
    }
    expect(rows.rows.map((r) => [r.value, r.normalized_value])).toEqual([...expected.entries()]);
    await pg.close();
  });
});
