import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { settleMatching } from "@/lib/testing/matching";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { attachPersona } from "./attach-persona";
import { decideCandidate } from "./decide-candidate";
import { listReviewQueue, REVIEW_PAGE_SIZE } from "./list-review-queue";

let lead: Actor;
let outsider: Actor;

beforeAll(async () => {
  [lead, outsider] = await Promise.all([makeActor("investigator"), makeActor("investigator")]);
});

const pairOf = (ids: string[]) => [...ids].sort().join(":");
const pairsIn = async (actor: Actor, page = 1) =>
  (await listReviewQueue({ actor, query: { page } })).items.map((p) => pairOf([p.left.id, p.right.id]));

describe("the review queue", () => {
  it("lists the open pairs of the reader's cases once each, strongest first, with each side's value", async () => {
    const theCase = await makeCase(lead);
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => makePersona(lead, { caseId: theCase.id })));
    const user = uniqueWord("mail");
    const phone = uniqueValue.phone();
    // a-b share a Gmail variant and a phone; c-d share only a device.
    await giveIdentifier(lead, a!.id, { type: "email", value: `${user}@gmail.com` });
    await giveIdentifier(lead, b!.id, { type: "email", value: `${user.slice(0, 2)}.${user.slice(2)}+x@gmail.com` });
    await giveIdentifier(lead, a!.id, { type: "phone", value: phone });
    await giveIdentifier(lead, b!.id, { type: "phone", value: phone });
    const device = uniqueValue.device();
    await giveIdentifier(lead, c!.id, { type: "device", value: device });
    await giveIdentifier(lead, d!.id, { type: "device", value: device });

    await settleMatching();
    const queue = await listReviewQueue({ actor: lead });
    const keys = queue.items.map((p) => pairOf([p.left.id, p.right.id]));
    expect(keys).toEqual([pairOf([a!.id, b!.id]), pairOf([c!.id, d!.id])]);
    expect(queue.total).toBe(2);
    expect(queue.items[0]!.score).toBeGreaterThan(queue.items[1]!.score);
    const email = queue.items[0]!.reasons.find((r) => r.kind === "email_key")!;
    const values = [email.mine, email.theirs].sort();
    expect(values).toEqual([`${user}@gmail.com`, `${user.slice(0, 2)}.${user.slice(2)}+x@gmail.com`].sort());
  });

  it("never shows a pair whose other persona the reader may not see, nor pairs of cases they only observe", async () => {
    const mine = await makeCase(outsider);
    const theirs = await makeCase(lead);
    const observed = await makeCase(lead);
    await addMember({ actor: lead, caseId: observed.id, input: { userId: outsider.id, role: "observer" } });
    const wallet = uniqueValue.wallet();
    const a = await makePersona(outsider, { caseId: mine.id });
    const hidden = await makePersona(lead, { caseId: theirs.id });
    await giveIdentifier(outsider, a.id, { type: "crypto_wallet", value: wallet });
    await giveIdentifier(lead, hidden.id, { type: "crypto_wallet", value: wallet });
    const [x, y] = await Promise.all([1, 2].map(() => makePersona(lead, { caseId: observed.id })));
    const phone = uniqueValue.phone();
    for (const p of [x!, y!]) await giveIdentifier(lead, p.id, { type: "phone", value: phone });

    await settleMatching();
    const queue = await listReviewQueue({ actor: outsider });
    expect(JSON.stringify(queue)).not.toContain(hidden.id);
    expect(JSON.stringify(queue)).not.toContain(hidden.displayName);
    expect(JSON.stringify(queue)).not.toContain(x!.id);
    // The lead sees both of their own pairs' personas, so theirs is listed for them.
    expect(await pairsIn(lead)).toContain(pairOf([x!.id, y!.id]));
  });

  it("lists the pairs of cases the reader is a member of, with either side in them, once each", async () => {
    const member = await makeActor("investigator");
    const theCase = await makeCase(lead);
    await addMember({ actor: lead, caseId: theCase.id, input: { userId: member.id, role: "investigator" } });
    // Three personas in no case; the middle one (by id) joins the case. A stored pair names the
    // lesser id first, so one pair has the case's persona first and the other has it second.
    const [low, p, high] = (await Promise.all([1, 2, 3].map(() => makePersona(lead)))).sort((x, y) =>
      x.id < y.id ? -1 : 1,
    );
    await attachPersona({ actor: lead, caseId: theCase.id, input: { personaId: p!.id, role: "subject" } });
    const others = [low!.id, high!.id];
    for (const o of others) {
      const phone = uniqueValue.phone();
      await giveIdentifier(lead, p!.id, { type: "phone", value: phone });
      await giveIdentifier(lead, o, { type: "phone", value: phone });
    }
    await settleMatching();
    const listed = (await pairsIn(member)).filter((k) => k.includes(p!.id));
    expect(listed.sort()).toEqual(others.map((o) => pairOf([p!.id, o])).sort());
  });

  it("drops a pair once a person confirms or rejects it", async () => {
    const theCase = await makeCase(lead);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => makePersona(lead, { caseId: theCase.id })));
    const account = uniqueValue.email();
    for (const p of [a!, b!, c!]) await giveIdentifier(lead, p.id, { type: "email", value: account });
    await settleMatching();
    const before = await pairsIn(lead);
    for (const pair of [
      [a!, b!],
      [a!, c!],
      [b!, c!],
    ])
      expect(before).toContain(pairOf(pair.map((p) => p.id)));

    await decideCandidate({
      actor: lead,
      personaId: b!.id,
      otherId: a!.id,
      input: { decision: "confirm", rationale: "Same mailbox" },
    });
    await decideCandidate({
      actor: lead,
      personaId: a!.id,
      otherId: c!.id,
      input: { decision: "reject", rationale: "A shared family address" },
    });
    const after = await pairsIn(lead);
    expect(after).not.toContain(pairOf([a!.id, b!.id]));
    expect(after).not.toContain(pairOf([a!.id, c!.id]));
    expect(after).toContain(pairOf([b!.id, c!.id]));
  });

  it("pages 20 pairs at a time and refuses a bad page and readers who may not decide", async () => {
    const reader = await makeActor("investigator");
    const theCase = await makeCase(reader);
    const people = await Promise.all(Array.from({ length: 8 }, () => makePersona(reader, { caseId: theCase.id })));
    const wallet = uniqueValue.wallet();
    for (const p of people) await giveIdentifier(reader, p.id, { type: "crypto_wallet", value: wallet });
    // 8 holders: 28 pairs.
    await settleMatching();
    const first = await listReviewQueue({ actor: reader, query: { page: 1 } });
    const second = await listReviewQueue({ actor: reader, query: { page: 2 } });
    expect(first.total).toBe(28);
    expect(first.items).toHaveLength(REVIEW_PAGE_SIZE);
    expect(second.items).toHaveLength(8);
    const all = [...first.items, ...second.items].map((p) => pairOf([p.left.id, p.right.id]));
    expect(new Set(all).size).toBe(28);
    await expect(listReviewQueue({ actor: reader, query: { page: 0 } })).rejects.toMatchObject({ code: "bad_request" });
    const manager = await makeActor("manager");
    await expect(listReviewQueue({ actor: manager })).rejects.toMatchObject({ code: "forbidden" });
  });
});
