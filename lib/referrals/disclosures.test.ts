import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, disclosures, exports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify";
import { addMember } from "@/lib/cases/add-member";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { createDisclosure } from "./create-disclosure";
import { listDisclosures } from "./list-disclosures";
import { createReferral } from "./create-referral";
import { getReferral } from "./get-referral";

let lead: Actor;
let legal: Actor;
let manager: Actor;

beforeAll(async () => {
  [lead, legal, manager] = await Promise.all([
    makeActor("investigator"),
    makeActor("legal", "Lou Legal"),
    makeActor("manager"),
  ]);
});

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

async function referralOnNewCase() {
  const c = await makeCase(lead);
  await addMember({ actor: lead, caseId: c.id, input: { userId: legal.id, role: "legal" } });
  return {
    caseId: c.id,
    referral: await createReferral({ actor: legal, caseId: c.id, input: { destination: "fbi_ic3" } }),
  };
}

async function addExport(caseId: string, hash: string | null) {
  const [row] = await db
    .insert(exports)
    .values({ caseId, status: hash ? "done" : "running", sha256: hash, fileName: "pack.zip", size: 1234 })
    .returning({ id: exports.id });
  if (!row) throw new Error("no export row");
  return row.id;
}

describe("disclosure log", () => {
  it("records what was sent, to whom, when and by whom, oldest first, with an audit event per entry", async () => {
    const { referral } = await referralOnNewCase();
    const first = await createDisclosure({
      actor: legal,
      referralId: referral.id,
      input: {
        what: "Narrative and identifier list",
        recipient: "FBI IC3 online form",
        sentAt: "2026-03-02T09:00:00Z",
        sha256: sha("narrative").toUpperCase(),
      },
    });
    const second = await createDisclosure({
      actor: legal,
      referralId: referral.id,
      input: {
        what: "Phone call with agent",
        recipient: "SA J. Example",
        sentAt: "2026-03-03",
        note: "Agreed to send the pack",
      },
    });
    expect(first).toMatchObject({
      referralId: referral.id,
      sentBy: { id: legal.id, name: "Lou Legal" },
      sha256: sha("narrative"),
      sentAt: "2026-03-02T09:00:00.000Z",
    });
    expect(second).toMatchObject({ sha256: null, note: "Agreed to send the pack", sentAt: "2026-03-03T00:00:00.000Z" });
    const log = await listDisclosures({ actor: legal, referralId: referral.id });
    expect(log.items.map((d) => d.id)).toEqual([first.id, second.id]);
    expect(log.permissions.add).toBe(true);
    expect((await getReferral({ actor: legal, referralId: referral.id })).disclosureCount).toBe(2);

    for (const d of [first, second]) {
      const events = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, d.id), eq(auditEvents.action, "disclosure.create")));
      expect(events).toHaveLength(1);
      expect(events[0]?.detail).toMatchObject({
        referralId: referral.id,
        what: d.what,
        recipient: d.recipient,
        sha256: d.sha256,
      });
    }
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it("is append-only in the database: UPDATE and DELETE are refused by the trigger", async () => {
    const { referral } = await referralOnNewCase();
    const d = await createDisclosure({
      actor: legal,
      referralId: referral.id,
      input: { what: "Evidence pack", recipient: "IC3", sentAt: "2026-03-02" },
    });
    await expect(
      db.update(disclosures).set({ recipient: "someone else" }).where(eq(disclosures.id, d.id)),
    ).rejects.toThrow();
    await expect(db.delete(disclosures).where(eq(disclosures.id, d.id))).rejects.toThrow();
    await expect(db.execute(sql`update disclosures set what = 'rewritten' where id = ${d.id}`)).rejects.toThrow();
    const [row] = await db.select().from(disclosures).where(eq(disclosures.id, d.id));
    expect(row).toMatchObject({ what: "Evidence pack", recipient: "IC3" });
  });

  it("takes the hash from an export pack of the same case", async () => {
    const { caseId, referral } = await referralOnNewCase();
    const hash = sha("pack bytes");
    const pack = await addExport(caseId, hash);
    const d = await createDisclosure({
      actor: legal,
      referralId: referral.id,
      input: { what: "Evidence pack", recipient: "IC3", sentAt: "2026-03-02", exportId: pack },
    });
    expect(d).toMatchObject({ exportId: pack, sha256: hash });

    const other = await makeCase(lead);
    const foreign = await addExport(other.id, sha("other"));
    const unfinished = await addExport(caseId, null);
    const attempts = [
      { exportId: foreign },
      { exportId: unfinished },
      { exportId: pack, sha256: sha("not the pack") },
      { sha256: "abc123" },
      { sentAt: "2099-01-01" },
      { sentAt: "not a date" },
      { recipient: "IC3\u0000" },
    ];
    for (const extra of attempts) {
      await expect(
        createDisclosure({
          actor: legal,
          referralId: referral.id,
          input: { what: "x", recipient: "IC3", sentAt: "2026-03-02", ...extra },
        }),
      ).rejects.toMatchObject({
        code: "bad_request",
      });
    }
    expect((await listDisclosures({ actor: legal, referralId: referral.id })).items).toHaveLength(1);
  });

  it("managers and investigators read the log but cannot add to it", async () => {
    const { referral } = await referralOnNewCase();
    for (const actor of [manager, lead]) {
      expect((await listDisclosures({ actor, referralId: referral.id })).permissions.add).toBe(false);
      await expect(
        createDisclosure({
          actor,
          referralId: referral.id,
          input: { what: "x", recipient: "y", sentAt: "2026-03-02" },
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    const stranger = await makeActor("investigator");
    await expect(listDisclosures({ actor: stranger, referralId: referral.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
