import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { identifiers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { getPersona } from "./get-persona";
import { listPersonas } from "./list-personas";

let leadA: Actor;
let leadB: Actor;
let outsider: Actor;
let manager: Actor;

beforeAll(async () => {
  [leadA, leadB, outsider, manager] = await Promise.all([
    makeActor("investigator", "Alice Lead"),
    makeActor("investigator", "Bruno Lead"),
    makeActor("investigator", "Olga Outsider"),
    makeActor("manager"),
  ]);
});

describe("correlation", () => {
  it("finds a wallet shared across two cases, whatever form it was entered in", async () => {
    const caseA = await makeCase(leadA);
    const caseB = await makeCase(leadB);
    await addMember({ actor: leadB, caseId: caseB.id, input: { userId: leadA.id } });
    const wallet = uniqueValue.wallet();
    const first = await makePersona(leadA, { caseId: caseA.id });
    const second = await makePersona(leadA, { caseId: caseB.id });

    const added = await giveIdentifier(leadA, first.id, {
      type: "crypto_wallet",
      value: wallet.toUpperCase().replace("0X", "0x"),
      confidence: 90,
    });
    expect(added).toMatchObject({
      type: "crypto_wallet",
      normalizedValue: wallet,
      chain: "ethereum",
      matches: { total: 0, hidden: null, message: null },
    });

    const again = await giveIdentifier(leadA, second.id, {
      type: "crypto_wallet",
      value: ` ethereum:${wallet} `,
      confidence: 70,
    });
    expect(again.id).toBe(added.id);
    expect(again.matches).toMatchObject({ total: 1, hidden: null, message: "Matches 1 other persona you can see" });
    expect(again.matches.personas).toEqual([
      expect.objectContaining({
        id: first.id,
        displayName: first.displayName,
        confidence: 90,
        cases: [expect.objectContaining({ id: caseA.id, ref: caseA.ref })],
      }),
    ]);
    const rows = await db.select().from(identifiers).where(eq(identifiers.normalizedValue, wallet));
    expect(rows).toHaveLength(1);

    // The page shows the same correlation, from either side.
    const detail = await getPersona({ actor: leadA, personaId: first.id });
    expect(detail.identifiers[0]?.matches.personas.map((p) => p.id)).toEqual([second.id]);
  });

  it("hides the persona and case from a non-member but still reports the match, with the lead to ask", async () => {
    const secretCase = await makeCase(leadB, { title: "Secret laptop farm" });
    const ownCase = await makeCase(outsider);
    const phone = uniqueValue.phone();
    const hidden = await makePersona(leadB, { caseId: secretCase.id, displayName: "Hidden Harriet" });
    await giveIdentifier(leadB, hidden.id, { type: "phone", value: phone });
    const mine = await makePersona(outsider, { caseId: ownCase.id });

    const result = await giveIdentifier(outsider, mine.id, { type: "phone", value: phone });
    expect(result.matches).toEqual({
      personas: [],
      total: 0,
      hidden: { personas: 1, cases: 1, leads: ["Bruno Lead"] },
      message: "Matches 1 persona in 1 case you cannot access (lead: Bruno Lead)",
    });
    const text = JSON.stringify(result);
    for (const secret of [hidden.id, "Hidden Harriet", secretCase.id, secretCase.ref, "Secret laptop farm"])
      expect(text).not.toContain(secret);

    const page = await getPersona({ actor: outsider, personaId: mine.id });
    expect(page.identifiers[0]?.matches.message).toBe(
      "Matches 1 persona in 1 case you cannot access (lead: Bruno Lead)",
    );
    expect(JSON.stringify(page)).not.toContain("Hidden Harriet");
    await expect(getPersona({ actor: outsider, personaId: hidden.id })).rejects.toMatchObject({ code: "not_found" });
    const listed = await listPersonas({ actor: outsider, query: { q: "Hidden Harriet" } });
    expect(listed.items.map((p) => p.id)).not.toContain(hidden.id);

    // The rule is symmetric: the secret case's lead only learns of the outsider's case by count.
    const fromSecret = await getPersona({ actor: leadB, personaId: hidden.id });
    expect(fromSecret.identifiers[0]?.matches).toMatchObject({
      total: 0,
      hidden: { personas: 1, cases: 1, leads: ["Olga Outsider"] },
    });
    // A manager sees every case, so the full picture.
    const overseen = await getPersona({ actor: manager, personaId: hidden.id });
    expect(overseen.identifiers[0]?.matches).toMatchObject({
      total: 1,
      hidden: null,
      personas: [expect.objectContaining({ id: mine.id })],
    });
  });

  it("treats a persona in no case as visible to every persona reader", async () => {
    const loose = await makePersona(leadA);
    await expect(getPersona({ actor: outsider, personaId: loose.id })).resolves.toMatchObject({
      id: loose.id,
      cases: [],
      hiddenCaseCount: 0,
    });
  });
});
