import { multipart, uploadRequest } from "@/lib/testing/evidence";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { drainJobs } from "@/lib/jobs/worker";
import { listCandidates } from "@/lib/personas/candidates";
import { listReviewQueue } from "@/lib/personas/list-review-queue";
import { attachPersona } from "@/lib/personas/attach-persona";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { settleMatching } from "@/lib/testing/matching";
import { alteredCopy, picture } from "@/lib/testing/photos";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { who, type Who } from "@/lib/testing/routes";
import * as caseEvidence from "@/app/api/cases/[id]/evidence/route";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let member: Actor;

beforeAll(async () => {
  lead = await who("investigator", "Photo Lead");
  member = await makeActor("investigator");
});

async function upload(caseId: string, data: Buffer, filename: string, type: string) {
  const body = multipart([{ name: "file", filename, type, data }]);
  const response = await caseEvidence.POST(uploadRequest(caseId, body, { token: lead.token }), {
    params: Promise.resolve({ id: caseId }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

const samePair = (p: { left: { id: string }; right: { id: string } }, x: string, y: string) =>
  [p.left.id, p.right.id].sort().join() === [x, y].sort().join();

describe("recycled photos", { timeout: 60_000 }, () => {
  it("pairs personas whose cited photos are near-identical, and names them only to those who may open both", async () => {
    const shared = await makeCase(lead.actor);
    const elsewhere = await makeCase(lead.actor);
    await addMember({ actor: lead.actor, caseId: shared.id, input: { userId: member.id, role: "investigator" } });
    const [a, b, c] = await Promise.all(
      ["Avery", "Morgan", "Quinn"].map((n) =>
        makePersona(lead.actor, { caseId: shared.id, displayName: `${n} ${uniqueWord()}` }),
      ),
    );
    // Fixed pictures: generated ones vary in how far a copy moves (3-17 bits over 200 seeds), see dhash.ts.
    const seed = 6;
    const original = await picture(seed);
    const photoA = await upload(shared.id, original, "avery.jpg", "image/jpeg");
    // The copy: re-encoded as WebP, resized and cropped, in a case the member does not work on.
    await attachPersona({ actor: lead.actor, caseId: elsewhere.id, input: { personaId: b!.id, role: "subject" } });
    const copy = await alteredCopy(original, { quality: 60, scale: 0.7, crop: 0.025, format: "webp" });
    const photoB = await upload(elsewhere.id, copy, "morgan.webp", "image/webp");
    const photoC = await upload(shared.id, await picture(seed + 1), "quinn.jpg", "image/jpeg");
    await drainJobs(["evidence.text"], [photoA.id, photoB.id, photoC.id]);
    for (const [p, item] of [
      [a!, photoA],
      [b!, photoB],
      [c!, photoC],
    ] as const)
      await giveIdentifier(lead.actor, p.id, { type: "email", value: uniqueValue.email(), sourceEvidenceId: item.id });
    await settleMatching();

    const queue = await listReviewQueue({ actor: lead.actor });
    const pair = queue.items.find((p) => samePair(p, a!.id, b!.id));
    expect(pair).toBeDefined();
    const reason = pair!.reasons.find((r) => r.kind === "photo")!;
    expect(reason.detail).toMatch(/^(Near-identical photos|The same photo)/);
    expect(reason.weight).toBeGreaterThanOrEqual(0.5);
    expect(pair!.score).toBeGreaterThanOrEqual(50);
    // Each side names its own exhibit, and its item comes first on that side.
    const aFirst = pair!.left.id === a!.id;
    expect(aFirst ? reason.mine : reason.theirs).toMatch(/^E-\d+ avery\.jpg$/);
    expect(aFirst ? reason.theirs : reason.mine).toMatch(/^E-\d+ morgan\.webp$/);
    expect(reason.evidenceIds).toEqual(aFirst ? [photoA.id, photoB.id] : [photoB.id, photoA.id]);
    const fromB = await listCandidates({ actor: lead.actor, personaId: b!.id });
    expect(fromB.items.find((i) => i.persona.id === a!.id)?.reasons.find((r) => r.kind === "photo")).toMatchObject({
      mine: expect.stringMatching(/morgan\.webp$/),
      evidenceIds: [photoB.id, photoA.id],
    });
    // A different picture brings no photo reason.
    const withC = queue.items.filter((p) => [p.left.id, p.right.id].includes(c!.id));
    expect(withC.flatMap((p) => p.reasons).filter((r) => r.kind === "photo")).toEqual([]);

    // The member sees both personas but may not open the copy: the reason says only that photos are alike.
    const theirs = await listReviewQueue({ actor: member });
    const seen = theirs.items.find((p) => samePair(p, a!.id, b!.id));
    const hidden = seen!.reasons.find((r) => r.kind === "photo")!;
    expect(hidden).toEqual({
      kind: "photo",
      detail: "Photos alike (in an exhibit you may not open)",
      weight: reason.weight,
    });
    expect(JSON.stringify(seen)).not.toContain("morgan.webp");
    expect(JSON.stringify(seen)).not.toContain(photoB.id);
  });
});
