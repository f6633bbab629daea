import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { importSdn, sdnEntry } from "@/lib/testing/sanctions";
import { screenIdentifiers } from "./screen";

let screener: Actor;
let otherLead: Actor;
const known = new Map<string, { personaId: string; hidden: boolean }>();

beforeAll(async () => {
  [screener, otherLead] = await Promise.all([
    makeActor("investigator", "Screener"),
    makeActor("investigator", "Other Lead"),
  ]);
  const own = await makeCase(screener);
  const secret = await makeCase(otherLead);
  for (let i = 0; i < 40; i++) {
    const hidden = i % 4 === 0;
    const actor = hidden ? otherLead : screener;
    const persona = await makePersona(actor, { caseId: hidden ? secret.id : own.id });
    for (const value of [uniqueValue.email(), uniqueValue.wallet()]) {
      await giveIdentifier(actor, persona.id, { type: value.startsWith("0x") ? "crypto_wallet" : "email", value });
      known.set(value, { personaId: persona.id, hidden });
    }
  }
});

async function screenRuns(actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "screen.run"), eq(auditEvents.actorId, actor.id)));
  return row?.n ?? 0;
}

describe("screening", () => {
  it("screens 1,000 identifiers in one call and finds exactly the known ones", async () => {
    const rows: { type: string; value: string }[] = [];
    for (const value of known.keys())
      rows.push({
        type: value.startsWith("0x") ? "crypto_wallet" : "email",
        value: value.toUpperCase().replace(/^0X/, "0x"),
      });
    for (let i = 0; rows.length < 990; i++)
      rows.push(
        i % 2 ? { type: "email", value: uniqueValue.email() } : { type: "crypto_wallet", value: uniqueValue.wallet() },
      );
    for (let i = 0; i < 10; i++) rows.push({ type: i % 2 ? "phone" : "fax", value: "not a number" });
    expect(rows).toHaveLength(1000);

    const { results, summary } = await screenIdentifiers({ actor: screener, input: { identifiers: rows } });
    expect(summary).toEqual({ total: 1000, valid: 990, invalid: 10, hits: known.size, sanctionsHits: 0 });
    expect(results.map((r) => r.index)).toEqual(rows.map((_r, i) => i));
    for (const r of results.slice(0, known.size)) {
      const expected = known.get(r.normalizedValue!)!;
      if (expected.hidden) {
        expect(r.matches).toMatchObject({
          total: 0,
          personas: [],
          hidden: { personas: 1, cases: 1, leads: ["Other Lead"] },
        });
        expect(r.matches.message).toBe("Matches 1 persona in 1 case you cannot access (lead: Other Lead)");
        expect(JSON.stringify(r)).not.toContain(expected.personaId);
      } else {
        expect(r.matches).toMatchObject({
          total: 1,
          hidden: null,
          personas: [expect.objectContaining({ id: expected.personaId })],
        });
      }
    }
    for (const r of results.slice(known.size, 990))
      expect(r).toMatchObject({ error: null, identifierId: null, matches: { total: 0, hidden: null } });
    expect(results[990]?.error).toMatch(/Unknown type "fax"/);
    expect(results[991]?.error).toMatch(/E\.164/);
  });

  it("refuses more than 10,000 rows with a 400 that says to split the list, recording nothing", async () => {
    const before = await screenRuns(screener);
    const rows = Array.from({ length: 100_000 }, (_v, i) => ({ type: "email", value: `x${i}@example.test` }));
    await expect(screenIdentifiers({ actor: screener, input: { identifiers: rows } })).rejects.toMatchObject({
      code: "bad_request",
      details: [
        expect.objectContaining({
          path: "identifiers",
          message: expect.stringMatching(/At most 10,000 identifiers.*split/),
        }),
      ],
    });
    expect(await screenRuns(screener)).toBe(before);
  });

  it("is for investigators, legal and admins, not managers", async () => {
    const manager = await makeActor("manager");
    await expect(
      screenIdentifiers({ actor: manager, input: { identifiers: [{ type: "email", value: "a@example.test" }] } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("reports the sanctions hits of identifiers and names with the list version", async () => {
    const wallet = uniqueValue.wallet();
    const listed = sdnEntry({ wallet });
    const named = sdnEntry();
    const version = await importSdn([listed, named]);
    const surname = named.name.split(",")[0]!;
    const { results, summary, sanctionsLists } = await screenIdentifiers({
      actor: screener,
      input: {
        identifiers: [
          { type: "crypto_wallet", value: wallet.toUpperCase().replace(/^0X/, "0x") },
          { type: "email", value: uniqueValue.email() },
          // The listed "SURNAME, Chol" written given name first, in another case.
          { type: "name", value: `chol ${surname.toLowerCase()}` },
          { type: "name", value: "Nobody Listed Here" },
          { type: "name", value: "  " },
        ],
      },
    });
    expect(sanctionsLists.map((l) => l.id)).toContain(version);
    const listVersion = sanctionsLists.find((l) => l.id === version);
    expect(results[0]!.sanctions).toEqual([
      {
        entry: { name: listed.name, entNum: listed.entNum, program: "DPRK4", type: "individual" },
        matched: { kind: "wallet", value: wallet },
        score: 100,
        listVersion,
      },
    ]);
    expect(results[1]!.sanctions).toEqual([]);
    expect(results[2]!.sanctions).toMatchObject([
      { entry: { entNum: named.entNum }, matched: { kind: "name", value: named.name }, score: 70, listVersion },
    ]);
    expect(results[2]!.matches.total).toBe(0);
    expect(results[3]!.sanctions).toEqual([]);
    expect(results[4]!.error).toBe("A name is empty");
    expect(summary).toMatchObject({ total: 5, invalid: 1, sanctionsHits: 2 });
  });
});
