import { multipart, uploadRequest } from "@/lib/testing/evidence";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { drainJobs } from "@/lib/jobs/worker";
import { listReviewQueue } from "@/lib/personas/list-review-queue";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { settleMatching } from "@/lib/testing/matching";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { who, type Who } from "@/lib/testing/routes";
import * as caseEvidence from "@/app/api/cases/[id]/evidence/route";
import { attachPersona } from "@/lib/personas/attach-persona";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let member: Actor;

beforeAll(async () => {
  lead = await who("investigator", "Resume Lead");
  member = await makeActor("investigator");
});

const bullets = (topic: string) =>
  Array.from(
    { length: 16 },
    (_, i) => `- Delivered ${topic} project ${i} using TypeScript, React and PostgreSQL for client number ${i * 7}`,
  );
const resume = (name: string, lines: string[]) => `${name}\nSenior software engineer, remote\n${lines.join("\n")}\n`;

async function upload(caseId: string, text: string, filename: string): Promise<{ id: string; exhibitNo: string }> {
  const body = multipart([{ name: "file", filename, type: "text/plain", data: Buffer.from(text) }]);
  const response = await caseEvidence.POST(uploadRequest(caseId, body, { token: lead.token }), {
    params: Promise.resolve({ id: caseId }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; exhibitNo: string };
}

describe("recycled résumés", { timeout: 60_000 }, () => {
  it("pairs personas whose cited résumés are near copies, showing what changed, and only to those who may open both", async () => {
    const topic = uniqueWord("t");
    const lines = bullets(topic);
    const shared = await makeCase(lead.actor);
    const elsewhere = await makeCase(lead.actor);
    await addMember({ actor: lead.actor, caseId: shared.id, input: { userId: member.id, role: "investigator" } });
    const [a, b, c] = await Promise.all(
      ["Avery", "Morgan", "Quinn"].map((n) =>
        makePersona(lead.actor, { caseId: shared.id, displayName: `${n} ${uniqueWord()}` }),
      ),
    );
    const original = await upload(shared.id, resume(a!.displayName, lines), "cv-avery.txt");
    const changed = "- Led the move of billing to event sourcing on Kafka";
    // The copy sits in a case the member does not work on; b is in both cases.
    await attachPersona({ actor: lead.actor, caseId: elsewhere.id, input: { personaId: b!.id, role: "subject" } });
    const copy = await upload(
      elsewhere.id,
      resume(b!.displayName, [...lines.slice(0, 5), changed, ...lines.slice(6)]),
      "cv-morgan.txt",
    );
    const unrelated = await upload(
      shared.id,
      resume(
        c!.displayName,
        bullets(uniqueWord("u")).map((l) => l.replace("Delivered", "Audited").replace("TypeScript", "COBOL")),
      ),
      "cv-quinn.txt",
    );
    await drainJobs(["evidence.text"], [original.id, copy.id, unrelated.id]);
    // Each persona cites its résumé as the source of a claim (the e-mail on it).
    for (const [p, item] of [
      [a!, original],
      [b!, copy],
      [c!, unrelated],
    ] as const)
      await giveIdentifier(lead.actor, p.id, {
        type: "email",
        value: uniqueValue.email(),
        sourceEvidenceId: item.id,
      });
    await settleMatching();

    const queue = await listReviewQueue({ actor: lead.actor });
    const pair = queue.items.find((p) => [p.left.id, p.right.id].sort().join() === [a!.id, b!.id].sort().join());
    expect(pair).toBeDefined();
    const reason = pair!.reasons.find((r) => r.kind === "resume_text")!;
    expect(reason.detail).toMatch(/^Résumé text \d+% alike/);
    expect(reason.weight).toBeGreaterThan(0.4);
    expect(pair!.score).toBeGreaterThanOrEqual(40);
    // The lines each side changed, side by side.
    const [aSide, bSide] = pair!.left.id === a!.id ? [reason.mine, reason.theirs] : [reason.theirs, reason.mine];
    expect(aSide).toMatch(/^E-\d+ cv-avery\.txt: /);
    expect(aSide).toContain(lines[5]);
    expect(aSide).not.toContain(lines[4]);
    expect(bSide).toMatch(/^E-\d+ cv-morgan\.txt: /);
    expect(bSide).toContain(changed);
    expect(reason.evidenceIds!.sort()).toEqual([original.id, copy.id].sort());
    // An unrelated résumé brings no pair.
    const withC = queue.items.filter((p) => [p.left.id, p.right.id].includes(c!.id));
    expect(withC.flatMap((p) => p.reasons).filter((r) => r.kind === "resume_text")).toEqual([]);

    // The member sees both personas but may not open the copy: the reason says only that texts are alike.
    const theirs = await listReviewQueue({ actor: member });
    const seen = theirs.items.find((p) => [p.left.id, p.right.id].sort().join() === [a!.id, b!.id].sort().join());
    const hidden = seen!.reasons.find((r) => r.kind === "resume_text")!;
    expect(hidden.detail).toBe("Résumé texts alike (in a document you may not open)");
    expect(JSON.stringify(seen)).not.toContain(changed);
    expect(JSON.stringify(seen)).not.toContain("cv-morgan");
  });
});
