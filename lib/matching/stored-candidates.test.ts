import { and, eq, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { jobs, matchCandidates, personaMatchState } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { listCandidates } from "@/lib/personas/candidates";
import { decideCandidate } from "@/lib/personas/decide-candidate";
import { listReviewQueue } from "@/lib/personas/list-review-queue";
import { removeIdentifier } from "@/lib/personas/remove-identifier";
import { updatePersona } from "@/lib/personas/update-persona";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { settleMatching } from "@/lib/testing/matching";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { MATCH_CANDIDATES, matchJobKey } from "./queue-matching";

let lead: Actor;

beforeAll(async () => {
  lead = await makeActor("investigator");
  await settleMatching();
});

const storedPair = async (x: string, y: string) => {
  const [a, b] = [x, y].sort() as [string, string];
  const [row] = await db
    .select()
    .from(matchCandidates)
    .where(and(eq(matchCandidates.personaA, a), eq(matchCandidates.personaB, b)));
  return row ?? null;
};

describe("stored possible matches", () => {
  it("queues one job for a burst of changes in a case, scores nothing in the request, and stores the pair once run", async () => {
    const theCase = await makeCase(lead);
    const [a, b] = await Promise.all([1, 2].map(() => makePersona(lead, { caseId: theCase.id })));
    const phone = uniqueValue.phone();
    const wallet = uniqueValue.wallet();
    for (const p of [a!, b!]) {
      await giveIdentifier(lead, p.id, { type: "phone", value: phone });
      await giveIdentifier(lead, p.id, { type: "crypto_wallet", value: wallet });
    }
    const queued = await db
      .select({ status: jobs.status })
      .from(jobs)
      .where(and(eq(jobs.kind, MATCH_CANDIDATES), eq(jobs.key, matchJobKey(theCase.id))));
    expect(queued).toEqual([{ status: "queued" }]);
    // Before the job runs, nothing is listed: the request only reads what was stored.
    expect((await listCandidates({ actor: lead, personaId: a!.id })).items).toEqual([]);
    expect(await storedPair(a!.id, b!.id)).toBeNull();

    await settleMatching();
    const stored = await storedPair(a!.id, b!.id);
    expect(stored).toMatchObject({ decision: null });
    expect(stored!.score).toBeGreaterThanOrEqual(90);
    const stale = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${personaMatchState} where persona_id in (${a!.id}, ${b!.id}) and scored_generation < generation`,
    );
    expect(stale[0]!.n).toBe(0);
    const seen = await listCandidates({ actor: lead, personaId: b!.id });
    // Read from b's side, each reason names b's own value as "mine".
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]!.persona.id).toBe(a!.id);
    expect(seen.items[0]!.reasons.map((r) => r.kind).sort()).toEqual(["phone", "shared_identifier"]);
  });

  it("removes an open pair that no longer scores once the evidence behind it is gone", async () => {
    const theCase = await makeCase(lead);
    const [a, b] = await Promise.all([1, 2].map(() => makePersona(lead, { caseId: theCase.id })));
    const device = uniqueValue.device();
    const claims = [];
    for (const p of [a!, b!]) claims.push(await giveIdentifier(lead, p.id, { type: "device", value: device }));
    await settleMatching();
    expect(await storedPair(a!.id, b!.id)).not.toBeNull();
    await removeIdentifier({ actor: lead, personaId: a!.id, identifierId: claims[0]!.id });
    await settleMatching();
    expect(await storedPair(a!.id, b!.id)).toBeNull();
  });

  it("keeps a decision and the reasons it was made on when the personas change and are scored again", async () => {
    const theCase = await makeCase(lead);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => makePersona(lead, { caseId: theCase.id })));
    const email = uniqueValue.email();
    for (const p of [a!, b!, c!]) await giveIdentifier(lead, p.id, { type: "email", value: email });
    await settleMatching();
    await decideCandidate({
      actor: lead,
      personaId: b!.id,
      otherId: a!.id,
      input: { decision: "reject", rationale: "A shared recruiter mailbox" },
    });
    const decided = await storedPair(a!.id, b!.id);
    expect(decided).toMatchObject({ decision: "rejected", decidedById: lead.id });
    expect(decided!.linkId).not.toBeNull();

    // More in common and a new name: both are scored again, the decision stands.
    const phone = uniqueValue.phone();
    for (const p of [a!, b!]) await giveIdentifier(lead, p.id, { type: "phone", value: phone });
    await updatePersona({
      actor: lead,
      personaId: a!.id,
      input: { displayName: `Renamed ${uniqueWord()}`, version: a!.version },
    });
    await settleMatching();
    const after = await storedPair(a!.id, b!.id);
    expect(after).toMatchObject({ decision: "rejected", score: decided!.score, reasons: decided!.reasons });
    const queue = await listReviewQueue({ actor: lead });
    const pairs = queue.items.map((p) => [p.left.id, p.right.id].sort().join(":"));
    expect(pairs).not.toContain([a!.id, b!.id].sort().join(":"));
    // The open pairs of the same personas were scored again with the new phone.
    expect(pairs).toContain([a!.id, c!.id].sort().join(":"));
    expect((await listCandidates({ actor: lead, personaId: a!.id })).items.map((i) => i.persona.id)).toEqual([c!.id]);
  });

  it("finds a name written another way through the stored keys, among many other names", async () => {
    const given = uniqueWord("g").replace(/[^a-z]/g, "");
    const theCase = await makeCase(lead);
    const a = await makePersona(lead, { caseId: theCase.id, displayName: `Park Jong Su ${given}` });
    const b = await makePersona(lead, { caseId: theCase.id, displayName: `${given} Jong-Su Pak` });
    // A near spelling (one letter) is found by trigram similarity, not by an equal key.
    const c = await makePersona(lead, { caseId: theCase.id, displayName: `Park Jong Su ${given}x` });
    await settleMatching();
    const found = (await listCandidates({ actor: lead, personaId: a.id })).items;
    expect(found.find((i) => i.persona.id === b.id)?.reasons[0]).toMatchObject({ kind: "name" });
    expect(found.find((i) => i.persona.id === c.id)?.reasons[0]?.detail).toMatch(/resembles/);
    const jobRows = await db
      .select({ key: jobs.key })
      .from(jobs)
      .where(like(jobs.key, `case:${theCase.id}`));
    expect(jobRows).toHaveLength(1);
  });
});
