import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { personaGraph } from "@/lib/graph/graph";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { combine, rarity } from "@/lib/matching/score-candidates";
import { settleMatching } from "@/lib/testing/matching";
import { listCandidates } from "./candidates";
import { decideCandidate } from "./decide-candidate";

let lead: Actor;
let outsider: Actor;

beforeAll(async () => {
  [lead, outsider] = await Promise.all([makeActor("investigator"), makeActor("investigator")]);
});

describe("scoring", () => {
  it("weighs a rare identifier far above one 900 personas hold", () => {
    expect(rarity(2)).toBe(1);
    expect(rarity(900)).toBeLessThan(0.2);
    expect(combine([0.5, 0.5])).toBe(75);
    expect(combine([])).toBe(0);
  });
});

describe("candidates", () => {
  it("finds a Gmail dot and +tag variant, and says so", async () => {
    const user = uniqueWord("mail");
    const a = await makePersona(lead);
    const b = await makePersona(lead);
    await giveIdentifier(lead, a.id, { type: "email", value: `${user}@gmail.com` });
    await giveIdentifier(lead, b.id, {
      type: "email",
      value: `${user.slice(0, 3)}.${user.slice(3)}+jobs@googlemail.com`,
    });
    await settleMatching();
    const { items } = await listCandidates({ actor: lead, personaId: a.id });
    const found = items.find((c) => c.persona.id === b.id);
    expect(found?.score).toBeGreaterThanOrEqual(60);
    expect(found?.reasons[0]).toMatchObject({ kind: "email_key" });
  });

  it("finds a romanised name pair, Hangul against Latin", async () => {
    const given = uniqueWord("x");
    const a = await makePersona(lead, { displayName: `Kim Sang Man ${given}` });
    const b = await makePersona(lead, { displayName: `${given} Sang-Man Gim` });
    const c = await makePersona(lead, { displayName: "김상만", aliases: [`Gim Sangman ${given}`] });
    await settleMatching();
    const { items } = await listCandidates({ actor: lead, personaId: a.id });
    expect(items.find((i) => i.persona.id === b.id)?.reasons[0]?.kind).toBe("name");
    expect(items.find((i) => i.persona.id === c.id)?.reasons[0]?.kind).toBe("alias");
  });

  it("gives a common name alone a low score: two unrelated Kims are no candidates", async () => {
    const a = await makePersona(lead, { displayName: "Kim Min Jun" });
    const b = await makePersona(lead, { displayName: "Kim Ji Hoon" });
    await settleMatching();
    const { items } = await listCandidates({ actor: lead, personaId: a.id });
    expect(items.find((i) => i.persona.id === b.id)).toBeUndefined();
  });

  it("shows a candidate in a case the reader cannot see as a count only", async () => {
    const mine = await makeCase(lead);
    const theirs = await makeCase(outsider);
    const phone = uniqueValue.phone();
    const a = await makePersona(lead, { caseId: mine.id });
    const hidden = await makePersona(outsider, { caseId: theirs.id });
    await giveIdentifier(lead, a.id, { type: "phone", value: phone });
    await giveIdentifier(outsider, hidden.id, { type: "phone", value: phone });
    await settleMatching();
    const list = await listCandidates({ actor: lead, personaId: a.id });
    expect(list.items.map((i) => i.persona.id)).not.toContain(hidden.id);
    expect(list.hiddenCount).toBe(1);
    expect(JSON.stringify(list)).not.toContain(hidden.displayName);
    await expect(
      decideCandidate({
        actor: lead,
        personaId: a.id,
        otherId: hidden.id,
        input: { decision: "confirm", rationale: "x" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("confirming joins the network; a rejected pair never comes back", async () => {
    const theCase = await makeCase(lead);
    const wallet = uniqueValue.wallet();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => makePersona(lead, { caseId: theCase.id })));
    for (const p of [a!, b!, c!]) await giveIdentifier(lead, p.id, { type: "crypto_wallet", value: wallet });
    await settleMatching();
    const before = await listCandidates({ actor: lead, personaId: a!.id });
    expect(before.items.map((i) => i.persona.id).sort()).toEqual([b!.id, c!.id].sort());

    const link = await decideCandidate({
      actor: lead,
      personaId: a!.id,
      otherId: b!.id,
      input: { decision: "confirm", rationale: "Same wallet, same writing" },
    });
    expect(link).toMatchObject({ status: "confirmed", relation: "same_person" });
    const graph = await personaGraph({ actor: lead, personaId: a!.id, query: {} });
    expect(graph.edges.some((e) => JSON.stringify(e).includes(b!.id) && JSON.stringify(e).includes(a!.id))).toBe(true);

    await decideCandidate({
      actor: lead,
      personaId: c!.id,
      otherId: a!.id,
      input: { decision: "reject", rationale: "Different people behind one exchange" },
    });
    const after = await listCandidates({ actor: lead, personaId: a!.id });
    expect(after.items).toEqual([]);
    expect((await listCandidates({ actor: lead, personaId: c!.id })).items.map((i) => i.persona.id)).toEqual([b!.id]);
  });

  it("refuses a decision without a rationale, writing nothing", async () => {
    const [a, b] = await Promise.all([makePersona(lead), makePersona(lead)]);
    await expect(
      decideCandidate({ actor: lead, personaId: a.id, otherId: b.id, input: { decision: "confirm", rationale: " " } }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
