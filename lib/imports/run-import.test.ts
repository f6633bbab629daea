import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { auditEvents, casePersonas, personaIdentifiers, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { attachPersona } from "@/lib/personas/attach-persona";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { who } from "@/lib/testing/routes";
import { getImport } from "./get-import";
import { runImport } from "./run-import";
import { startImport } from "./start-import";

let actor: Actor;
beforeAll(async () => {
  actor = (await who("investigator", "Batch Importer")).actor;
});

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(",")).join("\n") + "\n");
const header = ["applicant_id", "full_name", "email", "mobile"];
const mappingOf = (source: string) =>
  JSON.stringify({
    source,
    key: "applicant_id",
    columns: { full_name: "displayName", email: "email", mobile: "phone" },
  });

/** How many cases hold each persona (case_count, which need-to-know reads). */
const caseCountsOf = async (personaIds: string[]) =>
  (
    await queryRows<{ n: number }>(
      db,
      sql`select case_count as n from personas where id = any(${`{${personaIds.join(",")}}`}::uuid[]) order by id`,
    )
  ).map((r) => r.n);

/** Starts an import and runs its rows in batches of `batchRows`, answering the import and its progress. */
async function importIn(batchRows: number, fields: Record<string, string>, file: Uint8Array) {
  const { id } = await startImport({
    actor,
    received: { fields, fileName: "applicants.csv", claimedType: "text/csv", bytes: file },
  });
  const progress: number[] = [];
  await runImport(id, async (perMille) => void progress.push(Math.round(perMille)), batchRows);
  return { reported: progress, ...(await getImport({ actor, importId: id })) };
}

const caseCounts = async (caseId: string) => ({
  personas: (await db.select({ n: count() }).from(casePersonas).where(eq(casePersonas.caseId, caseId)))[0]!.n,
  claims: (
    await db
      .select({ n: count() })
      .from(personaIdentifiers)
      .innerJoin(casePersonas, eq(casePersonas.personaId, personaIdentifiers.personaId))
      .where(eq(casePersonas.caseId, caseId))
  )[0]!.n,
});

describe("runImport in batches", () => {
  it("writes rows across batch boundaries, screens each batch against what earlier ones wrote, and changes nothing the second time", async () => {
    const kase = await makeCase(actor);
    const source = `batches-${uniqueWord()}`;
    const shared = "+1 202 555 0187";
    // Someone already known holds the e-mail of row 3.
    const knownEmail = uniqueValue.email();
    const known = await makePersona(actor, { caseId: (await makeCase(actor)).id });
    await giveIdentifier(actor, known.id, { type: "email", value: knownEmail });
    const keys = [1, 2, 3, 4, 5].map(() => uniqueWord("k"));
    const file = csv([
      header,
      [keys[0]!, "Row Two", uniqueValue.email(), shared],
      [keys[1]!, "Row Three", knownEmail, ""],
      [keys[2]!, "Row Four", uniqueValue.email(), ""],
      [keys[3]!, "Row Five", uniqueValue.email(), ""],
      [keys[4]!, "Row Six", uniqueValue.email(), shared],
    ]);
    const fields = { mapping: mappingOf(source), caseId: kase.id };

    const dry = await importIn(2, { ...fields, dryRun: "true" }, file);
    expect(dry).toMatchObject({ status: "done", rows: 5, created: 5, matched: 0, refused: 0 });
    expect(dry.outcomes.map((o) => o.hits)).toEqual([0, 1, 0, 0, 0]);
    expect(await caseCounts(kase.id)).toEqual({ personas: 0, claims: 0 });

    const done = await importIn(2, fields, file);
    expect(done).toMatchObject({ status: "done", rows: 5, created: 5, matched: 0, refused: 0 });
    expect(done.reported).toEqual([400, 800, 1000]);
    // Row 6 shares the phone of row 2, written by the first batch: a correlation hit at once.
    expect(done.outcomes.map((o) => [o.row, o.outcome, o.hits])).toEqual([
      [2, "created", 0],
      [3, "created", 1],
      [4, "created", 0],
      [5, "created", 0],
      [6, "created", 1],
    ]);
    expect(await caseCounts(kase.id)).toEqual({ personas: 5, claims: 7 });
    const made = await db
      .select({ sourceImportId: personas.sourceImportId })
      .from(personas)
      .where(
        inArray(
          personas.id,
          done.outcomes.map((o) => o.personaId!),
        ),
      );
    expect(made.map((p) => p.sourceImportId)).toEqual(Array(5).fill(done.id));
    // Created already counting their case link; a later link is counted as ever.
    const madeIds = done.outcomes.map((o) => o.personaId!);
    expect(await caseCountsOf(madeIds)).toEqual([1, 1, 1, 1, 1]);
    await attachPersona({
      actor,
      caseId: (await makeCase(actor)).id,
      input: { personaId: madeIds[0]!, role: "associate" },
    });
    expect(await caseCountsOf([madeIds[0]!])).toEqual([2]);
    // One audit event a batch, with its rows and counts.
    const events = await db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "import.rows"), eq(auditEvents.entityId, done.id)))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.detail)).toEqual([
      { source, firstRow: 2, lastRow: 3, created: 2, matched: 0, claimsAdded: 3 },
      { source, firstRow: 4, lastRow: 5, created: 2, matched: 0, claimsAdded: 2 },
      { source, firstRow: 6, lastRow: 6, created: 1, matched: 0, claimsAdded: 2 },
    ]);

    const again = await importIn(3, fields, file);
    expect(again).toMatchObject({ status: "done", created: 0, matched: 5, refused: 0 });
    expect(again.outcomes.map((o) => o.personaId)).toEqual(done.outcomes.map((o) => o.personaId));
    expect(await caseCounts(kase.id)).toEqual({ personas: 5, claims: 7 });
    expect((await caseCountsOf(madeIds)).sort()).toEqual([1, 1, 1, 1, 2]);
  });

  it("refuses a key seen earlier in the same file, naming the first row, and imports the first", async () => {
    const kase = await makeCase(actor);
    const key = uniqueWord("dup");
    const file = csv([
      header,
      [key, "First Holder", uniqueValue.email(), ""],
      [uniqueWord("k"), "Someone Else", "", ""],
      [key, "Second Holder", uniqueValue.email(), ""],
    ]);
    const done = await importIn(2, { mapping: mappingOf(`dup-${uniqueWord()}`), caseId: kase.id }, file);
    expect(done).toMatchObject({ status: "done", rows: 3, created: 2, refused: 1 });
    expect(done.errors).toEqual([{ row: 4, column: "applicant_id", message: "The same id as row 2" }]);
    const [first] = await db
      .select({ name: personas.displayName })
      .from(personas)
      .where(eq(personas.id, done.outcomes[0]!.personaId!));
    expect(first?.name).toBe("First Holder");
  });

  it("refuses a row the database cannot take with its reason, writing every other row of its batch", async () => {
    const kase = await makeCase(actor);
    const names = ["Good One", "Bad\u0000Byte", "Good Two", "Good Three"].map((n) => `${n} ${uniqueWord()}`);
    const file = csv([header, ...names.map((n) => [uniqueWord("k"), n, uniqueValue.email(), ""])]);
    const fields = { mapping: mappingOf(`nul-${uniqueWord()}`), caseId: kase.id };

    const dry = await importIn(10, { ...fields, dryRun: "true" }, file);
    expect(dry).toMatchObject({ status: "done", rows: 4, created: 3, refused: 1 });

    const done = await importIn(10, fields, file);
    expect(done).toMatchObject({ status: "done", rows: 4, created: 3, refused: 1 });
    expect(done.outcomes.map((o) => o.outcome)).toEqual(["created", "refused", "created", "created"]);
    expect(done.outcomes[1]!.reason).toMatch(/^Could not be written: .*Unicode/);
    expect(done.errors).toEqual([{ row: 3, column: null, message: done.outcomes[1]!.reason }]);
    expect(await caseCounts(kase.id)).toEqual({ personas: 3, claims: 3 });
  });
});
