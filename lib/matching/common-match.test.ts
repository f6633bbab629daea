import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { matchCandidates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { CandidateReason } from "@/lib/personas/candidate-views";
import { listCandidates } from "@/lib/personas/candidates";
import { decideCandidate } from "@/lib/personas/decide-candidate";
import { removeIdentifier } from "@/lib/personas/remove-identifier";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { settleMatching } from "@/lib/testing/matching";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { commonMatchWeight, corroborate } from "./common-match";
import { HIDDEN_COMMON_MATCH } from "./redact";
import { CAPPED_NOTE, LIKELY_MATCH, NAME_ONLY_CAP } from "./score-candidates";

const name: CandidateReason = {
  kind: "name",
  detail: `Kim Ji Su is Ji-Su Kim written another way${CAPPED_NOTE}`,
  weight: 0.45,
};
const via = { id: "00000000-0000-4000-8000-000000000001", name: "Choi Min", scores: [75, 80] as [number, number] };

describe("the common-match rule", () => {
  it("lifts the name-only cap of namesakes both likely matches of one persona, naming it and both scores", () => {
    const out = corroborate([name], via)!;
    expect(out.score).toBeGreaterThanOrEqual(LIKELY_MATCH);
    expect(out.reasons.find((r) => r.kind === "common_match")).toMatchObject({
      detail: "Both are likely matches of Choi Min (scores 75 and 80)",
      weight: commonMatchWeight([75, 80]),
      via: via.id,
    });
    expect(out.reasons.find((r) => r.kind === "name")!.detail).not.toContain(CAPPED_NOTE);
  });

  it("weighs a common match by its weaker pair, just enough to lift the cap at LIKELY_MATCH", () => {
    expect(commonMatchWeight([95, 40])).toBe(0.2);
    expect(commonMatchWeight([80, 75])).toBe(0.375);
  });

  it("removes a common match that is gone and caps the pair again", () => {
    const out = corroborate(corroborate([name], via)!.reasons, null)!;
    expect(out.score).toBeLessThanOrEqual(NAME_ONLY_CAP);
    expect(out.reasons.map((r) => r.kind)).toEqual(["name"]);
    expect(out.reasons[0]!.detail.endsWith(CAPPED_NOTE)).toBe(true);
  });

  it("leaves pairs with evidence beside the names alone", () => {
    expect(corroborate([name, { kind: "phone", detail: "Same phone", weight: 0.75 }], via)).toBeUndefined();
  });
});

describe("common matches stored by the matching job", () => {
  let lead: Actor;
  let outsider: Actor;
  beforeAll(async () => {
    [lead, outsider] = await Promise.all([makeActor("investigator"), makeActor("investigator")]);
    await settleMatching();
  });

  /** A and B share a rare name and nothing else; each shares an identifier with C. */
  async function triangle(cCase: { actor: Actor; caseId: string }) {
    const given = uniqueWord("g").replace(/[^a-z]/g, "");
    const theCase = await makeCase(lead);
    const a = await makePersona(lead, { caseId: theCase.id, displayName: `Kim Ji Su ${given}` });
    const b = await makePersona(lead, { caseId: theCase.id, displayName: `${given} Ji-Su Gim` });
    const c = await makePersona(cCase.actor, { caseId: cCase.caseId, displayName: `Choi ${uniqueWord("c")}` });
    const [phone, wallet] = [uniqueValue.phone(), uniqueValue.wallet()];
    await giveIdentifier(lead, a.id, { type: "phone", value: phone });
    const cPhone = await giveIdentifier(cCase.actor, c.id, { type: "phone", value: phone });
    await giveIdentifier(lead, b.id, { type: "crypto_wallet", value: wallet });
    const cWallet = await giveIdentifier(cCase.actor, c.id, { type: "crypto_wallet", value: wallet });
    await settleMatching();
    return { a, b, c, cClaims: [cPhone.id, cWallet.id] };
  }

  it("lists namesakes both strongly matching a third persona at or above LIKELY_MATCH, with the reason", async () => {
    const { a, b, c } = await triangle({ actor: lead, caseId: (await makeCase(lead)).id });
    const pair = (await listCandidates({ actor: lead, personaId: a.id })).items.find((i) => i.persona.id === b.id);
    expect(pair!.score).toBeGreaterThanOrEqual(LIKELY_MATCH);
    const reason = pair!.reasons.find((r) => r.kind === "common_match");
    expect(reason).toMatchObject({ via: c.id });
    expect(reason!.detail).toContain(c.displayName);

    // Rejected, the pair never comes back, whatever is scored again.
    await decideCandidate({
      actor: lead,
      personaId: a.id,
      otherId: b.id,
      input: { decision: "reject", rationale: "Namesakes" },
    });
    await giveIdentifier(lead, a.id, { type: "device", value: uniqueValue.device() });
    await settleMatching();
    expect((await listCandidates({ actor: lead, personaId: a.id })).items.map((i) => i.persona.id)).not.toContain(b.id);
    const [row] = await queryRows<{ decision: string }>(
      db,
      sql`select decision from ${matchCandidates} where persona_a = ${[a.id, b.id].sort()[0]!} and persona_b = ${[a.id, b.id].sort()[1]!}`,
    );
    expect(row).toEqual({ decision: "rejected" });
  });

  it("drops the common match when the third persona, scored alone, is no longer a likely match of either", async () => {
    const { a, b, c, cClaims } = await triangle({ actor: lead, caseId: (await makeCase(lead)).id });
    const before = (await listCandidates({ actor: lead, personaId: a.id })).items.find((i) => i.persona.id === b.id);
    expect(before!.reasons.map((r) => r.kind)).toContain("common_match");

    // Both removals wait for one scoring of C; A and B are not scored again.
    for (const identifierId of cClaims) await removeIdentifier({ actor: lead, personaId: c.id, identifierId });
    await settleMatching();
    const after = (await listCandidates({ actor: lead, personaId: a.id })).items.find((i) => i.persona.id === b.id);
    expect(after!.reasons.map((r) => r.kind)).not.toContain("common_match");
    expect(after!.score).toBeLessThanOrEqual(NAME_ONLY_CAP);
  });

  it("names no persona the reader may not see", async () => {
    const { a, b, c } = await triangle({ actor: outsider, caseId: (await makeCase(outsider)).id });
    const list = await listCandidates({ actor: lead, personaId: a.id });
    const pair = list.items.find((i) => i.persona.id === b.id);
    expect(pair!.score).toBeGreaterThanOrEqual(LIKELY_MATCH);
    expect(pair!.reasons.find((r) => r.kind === "common_match")).toEqual({
      kind: "common_match",
      detail: HIDDEN_COMMON_MATCH,
      weight: expect.any(Number),
    });
    expect(JSON.stringify(list)).not.toContain(c.displayName);
    expect(JSON.stringify(list)).not.toContain(c.id);
  });
});
