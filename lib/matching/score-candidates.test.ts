import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listCandidates } from "@/lib/personas/candidates";
import { uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { settleMatching } from "@/lib/testing/matching";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { capNameOnly, LIKELY_MATCH, NAME_ONLY_CAP, SECOND_EVIDENCE } from "./score-candidates";

let lead: Actor;

beforeAll(async () => {
  lead = await makeActor("investigator");
});

describe("a name alone", () => {
  it("scores at most NAME_ONLY_CAP, below LIKELY_MATCH, unless evidence beside the names weighs SECOND_EVIDENCE", () => {
    expect(NAME_ONLY_CAP).toBeLessThan(LIKELY_MATCH);
    expect(capNameOnly([{ kind: "name", weight: 0.45 }])).toBe(NAME_ONLY_CAP);
    // Claimed employers and schools are no second piece of evidence: anyone can claim them.
    expect(
      capNameOnly([
        { kind: "alias", weight: 0.45 },
        { kind: "employer", weight: 0.15 },
        { kind: "education", weight: 0.1 },
      ]),
    ).toBe(NAME_ONLY_CAP);
    // A laptop-farm address a hundred personas hold weighs less than SECOND_EVIDENCE.
    expect(
      capNameOnly([
        { kind: "name", weight: 0.45 },
        { kind: "shared_identifier", weight: SECOND_EVIDENCE / 2 },
      ]),
    ).toBe(NAME_ONLY_CAP);
    expect(
      capNameOnly([
        { kind: "name", weight: 0.45 },
        { kind: "phone", weight: 0.75 },
      ]),
    ).toBe(86);
    // Evidence without any name is never capped, and a low name score is not raised.
    expect(capNameOnly([{ kind: "photo", weight: 0.7 }])).toBe(70);
    expect(capNameOnly([{ kind: "name", weight: 0.2 }])).toBe(20);
  });

  it("lists two personas sharing only a rare name below the threshold, saying why; a shared phone lifts them above", async () => {
    const given = uniqueWord("q");
    const a = await makePersona(lead, { displayName: `Kim Sang Man ${given}` });
    const b = await makePersona(lead, { displayName: `${given} Sang-Man Gim` });
    await settleMatching();
    const before = (await listCandidates({ actor: lead, personaId: a.id })).items.find((i) => i.persona.id === b.id);
    expect(before?.score).toBe(NAME_ONLY_CAP);
    expect(before?.reasons).toHaveLength(1);
    expect(before?.reasons[0]).toMatchObject({ kind: "name", weight: 0.45 });
    expect(before?.reasons[0]?.detail).toContain(`at most ${NAME_ONLY_CAP}`);

    const phone = uniqueValue.phone();
    await giveIdentifier(lead, a.id, { type: "phone", value: phone });
    await giveIdentifier(lead, b.id, { type: "phone", value: phone.replace(/ /g, "") });
    await settleMatching();
    const after = (await listCandidates({ actor: lead, personaId: a.id })).items.find((i) => i.persona.id === b.id);
    expect(after?.score).toBeGreaterThanOrEqual(LIKELY_MATCH);
    expect(after?.reasons.map((r) => r.kind).sort()).toEqual(["name", "phone"]);
    expect(after?.reasons.find((r) => r.kind === "name")?.detail).not.toContain("at most");
  });
});

describe("the rarity of a name", () => {
  it("weighs a name many personas in the organisation hold less than one only the pair holds", async () => {
    const rare = uniqueWord("r");
    const common = uniqueWord("c");
    const [a, b] = await Promise.all([
      makePersona(lead, { displayName: `Park Ji Hye ${rare}` }),
      makePersona(lead, { displayName: `${rare} Ji-Hye Bak` }),
    ]);
    // Eight unrelated people with one name, written in the ways people write it.
    const namesakes = await Promise.all(
      [
        "Lee Min Jun",
        "Min-Jun Yi",
        "Rhee Minjun",
        "Lee Min Jun",
        "Yi Min-Jun",
        "Min Jun Lee",
        "이민준",
        "Li Min Jun",
      ].map((n) => makePersona(lead, { displayName: `${n} ${common}` })),
    );
    const [c, d] = [namesakes[0]!, namesakes[1]!];
    for (const [x, y] of [
      [a, b],
      [c, d],
    ] as const) {
      const phone = uniqueValue.phone();
      await giveIdentifier(lead, x!.id, { type: "phone", value: phone });
      await giveIdentifier(lead, y!.id, { type: "phone", value: phone });
    }
    await settleMatching();
    const pair = async (x: string, y: string) =>
      (await listCandidates({ actor: lead, personaId: x })).items.find((i) => i.persona.id === y)!;
    const [rarePair, commonPair] = [await pair(a.id, b.id), await pair(c.id, d.id)];
    const nameWeight = (p: typeof rarePair) => p.reasons.find((r) => r.kind === "name")!.weight;
    expect(nameWeight(rarePair)).toBe(0.45);
    expect(nameWeight(commonPair)).toBeLessThan(0.3);
    expect(rarePair.score).toBeGreaterThan(commonPair.score);
    // Namesakes with nothing else in common: the name alone, and a common one, is no candidate.
    const e = namesakes[2]!;
    expect((await listCandidates({ actor: lead, personaId: e.id })).items.map((i) => i.persona.id)).toEqual([]);
  });
});
