import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { identifiers, personaIdentifiers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona } from "@/lib/testing/personas";
import { attachPersona } from "./attach-persona";
import { detachPersona } from "./detach-persona";
import { listCasePersonas } from "./list-case-personas";
import { removeIdentifier } from "./remove-identifier";
import { listPersonas } from "./list-personas";
import { getPersona } from "./get-persona";
import { updatePersona } from "./update-persona";
import { addRedFlag } from "./add-red-flag";
import { removeRedFlag } from "./remove-red-flag";

let lead: Actor;
let manager: Actor;
let outsider: Actor;

beforeAll(async () => {
  [lead, manager, outsider] = await Promise.all([
    makeActor("investigator"),
    makeActor("manager"),
    makeActor("investigator"),
  ]);
});

describe("personas", () => {
  it("creates, reads and edits a persona; a stale version answers conflict with the current one", async () => {
    const created = await makePersona(lead, {
      displayName: "Ethan Sample",
      aliases: ["E. Sample", "E. Sample"],
      claimedEducation: [{ name: "B.Sc., University of Example", verification: "failed" }],
    });
    expect(created).toMatchObject({
      status: "suspected",
      aliases: ["E. Sample"],
      version: 1,
      riskScore: 0,
      cases: [],
      permissions: { edit: true },
    });
    const edited = await updatePersona({
      actor: lead,
      personaId: created.id,
      input: { version: 1, status: "confirmed", claimedLocation: "Austin, TX" },
    });
    expect(edited).toMatchObject({
      status: "confirmed",
      claimedLocation: "Austin, TX",
      version: 2,
      aliases: ["E. Sample"],
    });
    await expect(
      updatePersona({ actor: lead, personaId: created.id, input: { version: 1, notes: "late" } }),
    ).rejects.toMatchObject({
      code: "conflict",
      details: { current: expect.objectContaining({ version: 2 }) },
    });
    await expect(
      updatePersona({ actor: manager, personaId: created.id, input: { version: 2, notes: "x" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("explains the risk score flag by flag and stores it", async () => {
    const p = await makePersona(lead);
    await addRedFlag({
      actor: lead,
      personaId: p.id,
      input: { code: "LAPTOP_FARM", note: "11 laptops at one address" },
    });
    const withTwo = await addRedFlag({ actor: lead, personaId: p.id, input: { code: "NO_VIDEO" } });
    expect(withTwo.risk).toEqual({
      score: 45,
      sum: 45,
      capped: false,
      items: [
        { code: "LAPTOP_FARM", label: "Address linked to many devices", weight: 30 },
        { code: "NO_VIDEO", label: "Refuses or avoids camera", weight: 15 },
      ],
    });
    expect(withTwo.riskScore).toBe(45);
    for (const code of ["IP_KVM", "EXTORTION", "SANCTIONS_HIT"] as const)
      await addRedFlag({ actor: lead, personaId: p.id, input: { code } });
    const capped = await getPersona({ actor: lead, personaId: p.id });
    expect(capped).toMatchObject({ riskScore: 100, risk: { score: 100, sum: 160, capped: true } });
    const lowered = await removeRedFlag({ actor: lead, personaId: p.id, code: "SANCTIONS_HIT" });
    expect(lowered.riskScore).toBe(100);
    expect(lowered.risk).toMatchObject({ sum: 110, capped: true });
    // Below the cap the stored score follows every removal: 30 + 15 + 30 = 75.
    const below = await removeRedFlag({ actor: lead, personaId: p.id, code: "EXTORTION" });
    expect(below).toMatchObject({ riskScore: 75, risk: { score: 75, sum: 75, capped: false } });
    expect((await getPersona({ actor: lead, personaId: p.id })).riskScore).toBe(75);
    await expect(
      addRedFlag({ actor: lead, personaId: p.id, input: { code: "NOT_A_CODE" as "NO_VIDEO" } }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(addRedFlag({ actor: lead, personaId: p.id, input: { code: "NO_VIDEO" } })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("attaches personas to a case with a role, and detaches them", async () => {
    const theCase = await makeCase(lead);
    const loose = await makePersona(lead);
    const attached = await attachPersona({
      actor: lead,
      caseId: theCase.id,
      input: { personaId: loose.id, role: "facilitator" },
    });
    expect(attached).toMatchObject({ id: loose.id, role: "facilitator", caseCount: 1 });
    const created = await attachPersona({
      actor: lead,
      caseId: theCase.id,
      input: { persona: { displayName: `New ${uniqueWord()}` }, role: "victim" },
    });
    expect((await listCasePersonas({ actor: lead, caseId: theCase.id })).map((p) => [p.id, p.role])).toEqual([
      [loose.id, "facilitator"],
      [created.id, "victim"],
    ]);
    await expect(
      attachPersona({ actor: lead, caseId: theCase.id, input: { personaId: loose.id } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      attachPersona({ actor: outsider, caseId: theCase.id, input: { personaId: loose.id } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(getPersona({ actor: outsider, personaId: loose.id })).rejects.toMatchObject({ code: "not_found" });
    await detachPersona({ actor: lead, caseId: theCase.id, personaId: loose.id });
    expect((await listCasePersonas({ actor: lead, caseId: theCase.id })).map((p) => p.id)).toEqual([created.id]);
  });

  it("lists personas by name, alias and status", async () => {
    const word = uniqueWord("lst");
    const a = await makePersona(lead, { displayName: `Alpha ${word}`, status: "confirmed" });
    const theCase = await makeCase(lead);
    const b = await makePersona(lead, { displayName: "Beta", aliases: [`beta-${word}`], caseId: theCase.id });
    await giveIdentifier(lead, b.id, { type: "email", value: `${word}@example.test` });
    const all = await listPersonas({ actor: lead, query: { q: word, sort: "displayName" } });
    expect(all.items.map((p) => [p.id, p.caseCount, p.identifierCount])).toEqual([
      [a.id, 0, 0],
      [b.id, 1, 1],
    ]);
    const confirmed = await listPersonas({ actor: lead, query: { q: word, status: "confirmed" } });
    expect(confirmed.items.map((p) => p.id)).toEqual([a.id]);
    await expect(listPersonas({ actor: lead, query: { sort: "password" } })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});

describe("identifiers on a persona", () => {
  it.each([
    ["phone", "555-0147", /E\.164/],
    ["crypto_wallet", "0xNOTHEX", /0x and 40 hex digits/],
    ["bank_account", "GB00 WEST 1234 5698 7654 32", /mod-97/],
  ] as const)("refuses an invalid %s with a 400 naming the format, writing nothing", async (type, value, format) => {
    const p = await makePersona(lead);
    await expect(giveIdentifier(lead, p.id, { type, value })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(format),
    });
    expect(await db.select().from(identifiers).where(eq(identifiers.value, value))).toEqual([]);
    expect(await db.select().from(personaIdentifiers).where(eq(personaIdentifiers.personaId, p.id))).toEqual([]);
  });

  it("stores an unparsed value only when asked, and says so", async () => {
    const p = await makePersona(lead);
    const raw = `ask front desk ${uniqueWord()}`;
    const stored = await giveIdentifier(lead, p.id, { type: "phone", value: ` ${raw} `, unparsed: true });
    expect(stored).toMatchObject({ value: raw, normalizedValue: raw, attributes: { unparsed: "true" } });
  });

  it("keeps government ids as a keyed hash and shows only the last four characters", async () => {
    const p = await makePersona(lead);
    const number = `9${Math.floor(Math.random() * 1e8)
      .toString()
      .padStart(8, "0")}`;
    const stored = await giveIdentifier(lead, p.id, { type: "government_id", value: number });
    expect(stored.value).toBe(`••••${number.slice(-4)}`);
    expect(
      await db
        .select()
        .from(identifiers)
        .where(like(identifiers.value, `%${number.slice(0, 5)}%`)),
    ).toEqual([]);
    expect(JSON.stringify(await getPersona({ actor: lead, personaId: p.id }))).not.toContain(number);
  });

  it("answers conflict when the persona already has the identifier, and removes it again", async () => {
    const p = await makePersona(lead);
    const added = await giveIdentifier(lead, p.id, { type: "email", value: `${uniqueWord()}@example.test` });
    await expect(giveIdentifier(lead, p.id, { type: "email", value: added.value.toUpperCase() })).rejects.toMatchObject(
      { code: "conflict" },
    );
    await expect(giveIdentifier(manager, p.id, { type: "email", value: "m@example.test" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await removeIdentifier({ actor: lead, personaId: p.id, identifierId: added.id });
    expect(
      await db
        .select()
        .from(identifiers)
        .where(and(eq(identifiers.id, added.id))),
    ).toEqual([]);
    await expect(removeIdentifier({ actor: lead, personaId: p.id, identifierId: added.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
