import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { casePersonas, cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseVisibleTo, visibleCaseIds } from "@/lib/cases/access";
import { addMember } from "@/lib/cases/add-member";
import { makeCase, uniqueWord, walkCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { makePersona } from "@/lib/testing/personas";
import { attachPersona } from "./attach-persona";
import { detachPersona } from "./detach-persona";
import { listPersonas } from "./list-personas";

let lead: Actor;
let other: Actor;
let legal: Actor;

beforeAll(async () => {
  [lead, other, legal] = await Promise.all([makeActor("investigator"), makeActor("investigator"), makeActor("legal")]);
});

const caseCount = async (personaId: string) =>
  (await queryRows<{ n: number }>(db, sql`select case_count as n from personas where id = ${personaId}`))[0]?.n;

describe("a persona's case count", () => {
  it("follows attaching, detaching, multi-row inserts and moves between personas", async () => {
    const [a, b] = [await makeCase(lead), await makeCase(lead)];
    const p = await makePersona(lead, { caseId: a.id });
    expect(await caseCount(p.id)).toBe(1);
    await attachPersona({ actor: lead, caseId: b.id, input: { personaId: p.id, role: "associate" } });
    expect(await caseCount(p.id)).toBe(2);
    await detachPersona({ actor: lead, caseId: a.id, personaId: p.id });
    expect(await caseCount(p.id)).toBe(1);

    // One statement, several rows and personas: each persona counted once per row.
    const [q, r] = [await makePersona(lead), await makePersona(lead)];
    const c = await makeCase(lead);
    await db.insert(casePersonas).values([
      { caseId: a.id, personaId: q.id, role: "subject" },
      { caseId: c.id, personaId: q.id, role: "subject" },
      { caseId: a.id, personaId: r.id, role: "victim" },
    ]);
    expect([await caseCount(q.id), await caseCount(r.id)]).toEqual([2, 1]);
    // A role change moves nothing; a row moved to another persona moves its count.
    await db.update(casePersonas).set({ role: "facilitator" }).where(eq(casePersonas.personaId, q.id));
    expect(await caseCount(q.id)).toBe(2);
    await db
      .update(casePersonas)
      .set({ personaId: r.id })
      .where(sql`${casePersonas.personaId} = ${q.id} and ${casePersonas.caseId} = ${c.id}`);
    expect([await caseCount(q.id), await caseCount(r.id)]).toEqual([1, 2]);
    await db.delete(casePersonas).where(eq(casePersonas.caseId, a.id));
    expect([await caseCount(p.id), await caseCount(q.id), await caseCount(r.id)]).toEqual([1, 0, 1]);
  });
});

describe("the persona list's need-to-know", () => {
  it("shows an investigator the personas of their cases and those in no case, and nothing else", async () => {
    const word = uniqueWord("vis");
    const mine = await makeCase(lead);
    const theirs = await makeCase(other);
    const shared = await makeCase(other);
    await addMember({ actor: other, caseId: shared.id, input: { userId: lead.id } });
    await makePersona(lead, { caseId: mine.id, displayName: `${word} mine` });
    const inTheirs = await makePersona(other, { caseId: theirs.id, displayName: `${word} theirs` });
    await makePersona(other, { caseId: shared.id, displayName: `${word} shared` });
    const loose = await makePersona(other, { displayName: `${word} loose` });
    const names = async (actor: Actor) =>
      (await listPersonas({ actor, query: { q: word, sort: "displayName" } })).items.map((p) => p.displayName);

    expect(await names(lead)).toEqual([`${word} loose`, `${word} mine`, `${word} shared`]);
    expect((await listPersonas({ actor: lead, query: { q: word } })).total).toBe(3);
    expect(await names(other)).toEqual([`${word} loose`, `${word} shared`, `${word} theirs`]);

    // Put in a case the lead cannot see, the loose persona disappears for them; out of it, it is back.
    await attachPersona({ actor: other, caseId: theirs.id, input: { personaId: loose.id, role: "associate" } });
    expect(await names(lead)).toEqual([`${word} mine`, `${word} shared`]);
    await detachPersona({ actor: other, caseId: theirs.id, personaId: loose.id });
    expect(await names(lead)).toEqual([`${word} loose`, `${word} mine`, `${word} shared`]);
    // Also held by a visible case, a persona is visible whatever else holds it.
    expect(await names(lead)).not.toContain(`${word} theirs`);
    await db.insert(casePersonas).values({ caseId: mine.id, personaId: inTheirs.id, role: "associate" });
    expect(await names(lead)).toEqual([`${word} loose`, `${word} mine`, `${word} shared`, `${word} theirs`]);
  });
});

describe("visibleCaseIds", () => {
  it("names exactly the cases caseVisibleTo admits, for every role", async () => {
    const referred = await makeCase(other);
    await walkCase(other, referred.id, ["investigating", "contained", "referred"]);
    const member = await makeCase(other);
    await addMember({ actor: other, caseId: member.id, input: { userId: legal.id } });
    await addMember({ actor: other, caseId: member.id, input: { userId: lead.id } });
    await makeCase(lead);
    for (const actor of [lead, other, legal]) {
      const byRule = await db.select({ id: cases.id }).from(cases).where(caseVisibleTo(actor));
      const ids = visibleCaseIds(actor)!;
      const bySet = await queryRows<{ id: string }>(db, sql`select distinct v.id from (${ids}) as v(id)`);
      expect(bySet.map((r) => r.id).sort(), actor.role).toEqual(byRule.map((r) => r.id).sort());
      expect(byRule.length).toBeGreaterThan(0);
    }
    const admin = await makeActor("admin");
    expect(visibleCaseIds(admin)).toBeUndefined();
    expect(caseVisibleTo(admin)).toBeUndefined();
  });
});
