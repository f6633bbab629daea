import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { custodyEvents, disclosures } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { fileReferral } from "@/lib/testing/referrals";
import { createShare } from "./create-share";
import { downloadShare } from "./download-share";

vi.hoisted(() => {
  delete process.env.TSA_URL;
});

let lead: Actor;
let sharer: Actor;
beforeAll(async () => {
  lead = await makeActor("investigator");
  sharer = await makeActor("admin");
});

const custodyOf = (evidenceId: string) =>
  db.select().from(custodyEvents).where(eq(custodyEvents.evidenceId, evidenceId)).orderBy(asc(custodyEvents.id));

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

async function download(token: string, address: string) {
  const outcome = await downloadShare({ token, address });
  if (outcome.kind !== "file") throw new Error(`download refused: ${outcome.kind}`);
  await outcome.response.arrayBuffer();
}

describe("a download through a share link", () => {
  it("is recorded in the custody log of every item in the pack, and in the referral's disclosure log", async () => {
    const c = await makeCase(lead);
    const items = [
      await addEvidence(lead, c.id, { name: "resume.pdf", bytes: randomBytes(2000) }),
      await addEvidence(lead, c.id, { name: "chat.txt", bytes: randomBytes(500) }),
    ];
    // An item added after the export is not in the pack: its custody stays untouched.
    const pack = await exportAndWait(lead, c.id);
    const later = await addEvidence(lead, c.id, { name: "later.png", bytes: randomBytes(300) });
    const referralId = await fileReferral(c.id);
    const share = await createShare({
      actor: sharer,
      exportId: pack.id,
      input: { recipient: "Det. Jane Roe, FBI Boston", expiresAt: inAMonth(), referralId },
      origin: "http://localhost:3000",
    });
    const token = new URL(share.url).pathname.split("/").pop()!;

    await download(token, "203.0.113.7");
    await download(token, "198.51.100.4");

    for (const item of items) {
      const shared = (await custodyOf(item.id)).filter((e) => e.action === "downloaded");
      expect(shared).toHaveLength(2);
      expect(shared[0]).toMatchObject({
        actorId: null,
        actorLabel: "share link recipient: Det. Jane Roe, FBI Boston",
        ip: "203.0.113.7",
        detail: {
          via: "share_link",
          shareId: share.id,
          exportId: pack.id,
          recipient: "Det. Jane Roe, FBI Boston",
          download: 1,
          packSha256: pack.sha256,
          path: expect.stringContaining(".") as unknown,
        },
      });
      expect(shared[1]).toMatchObject({ ip: "198.51.100.4", detail: { download: 2 } });
    }
    expect((await custodyOf(later.id)).map((e) => e.action)).not.toContain("downloaded");

    const logged = await db
      .select()
      .from(disclosures)
      .where(and(eq(disclosures.referralId, referralId), eq(disclosures.exportId, pack.id)));
    expect(logged).toHaveLength(2);
    expect(logged.every((d) => d.sha256 === pack.sha256 && d.recipient === "Det. Jane Roe, FBI Boston")).toBe(true);
  });

  it("records nothing in custody when the link refuses the download", async () => {
    const c = await makeCase(lead);
    const item = await addEvidence(lead, c.id, { name: "memo.txt", bytes: randomBytes(100) });
    const pack = await exportAndWait(lead, c.id);
    const share = await createShare({
      actor: sharer,
      exportId: pack.id,
      input: { recipient: "Outside counsel", expiresAt: inAMonth(), withCode: true },
      origin: "http://localhost:3000",
    });
    const token = new URL(share.url).pathname.split("/").pop()!;
    expect((await downloadShare({ token, code: "not the code", address: "192.0.2.1" })).kind).toBe("wrong_code");
    expect((await custodyOf(item.id)).map((e) => e.action)).not.toContain("downloaded");
  });
});
