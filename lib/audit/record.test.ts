import { and, asc, eq, gte, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, ready } from "@/db";
import { auditEvents, auditHead } from "@/db/schema";
import { makeActor } from "@/lib/testing/factories";
import { checkLink, hashEvent } from "./chain";
import { recordAudit } from "./record";

beforeAll(async () => {
  await ready();
});

describe("recordAudit", () => {
  it("appends concurrent writers to one unbroken chain, each event hashed as hashEvent hashes it", async () => {
    const actor = await makeActor("investigator");
    const label = `concurrent-${crypto.randomUUID()}`;
    const written = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db.transaction((tx) =>
          recordAudit(tx, {
            actor: i % 2 ? actor : null,
            action: "test.concurrent",
            entityType: "test",
            entityId: `${label}-${i}`,
            detail: { i, label, nested: { z: '김상만 "quoted"', a: [1, null] } },
          }),
        ),
      ),
    );
    const seqs = written.map((w) => w.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(24);

    // Every event from the first of ours on (other test files may write in between) chains to the one before.
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gte(auditEvents.seq, seqs[0]! - 1))
      .orderBy(asc(auditEvents.seq));
    for (let k = 1; k < rows.length; k++) {
      const prev = rows[k - 1]!;
      expect(checkLink({ seq: prev.seq, hash: prev.hash }, rows[k]!)).toBeNull();
      expect(rows[k]!.at.getTime()).toBeGreaterThanOrEqual(prev.at.getTime());
    }
    const ours = rows.filter((r) => r.entityId?.startsWith(label));
    expect(ours).toHaveLength(24);
    for (const row of ours) {
      expect(row.hash).toBe(hashEvent(row));
      expect(written.find((w) => w.seq === row.seq)?.hash).toBe(row.hash);
    }
  });

  it("keeps the head at the newest event, and leaves it where it was when the transaction rolls back", async () => {
    const before = (await db.select().from(auditHead).where(eq(auditHead.id, 1)))[0]!;
    const entityId = `rolled-back-${crypto.randomUUID()}`;
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, { actor: null, action: "test.rollback", entityType: "test", entityId });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const gone = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "test"), like(auditEvents.entityId, entityId)));
    expect(gone).toHaveLength(0);
    const after = (await db.select().from(auditHead).where(eq(auditHead.id, 1)))[0]!;
    expect(after.seq).toBeGreaterThanOrEqual(before.seq);

    const { seq, hash } = await db.transaction((tx) =>
      recordAudit(tx, { actor: null, action: "test.head", entityType: "test", entityId }),
    );
    const [newest] = await db.select().from(auditEvents).where(eq(auditEvents.seq, seq));
    const head = (await db.select().from(auditHead).where(eq(auditHead.id, 1)))[0]!;
    // Other test files may have appended since; the head is never behind our event.
    expect(head.seq).toBeGreaterThanOrEqual(seq);
    if (head.seq === seq) expect(head).toMatchObject({ hash, prevHash: newest!.prevHash });
  });
});
