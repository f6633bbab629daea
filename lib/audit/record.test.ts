import { asc, eq, gte, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows, ready } from "@/db";
import { auditEvents, auditHead, auditPending } from "@/db/schema";
import { makeActor } from "@/lib/testing/factories";
import { checkLink, hashEvent } from "./chain";
import { recordAudit, recordAuditNow } from "./record";

beforeAll(async () => {
  await ready();
});

const ours = (label: string) =>
  db
    .select()
    .from(auditEvents)
    .where(like(auditEvents.entityId, `${label}%`))
    .orderBy(asc(auditEvents.seq));

describe("recordAudit", () => {
  it("chains concurrent writers into one unbroken chain at commit, each event hashed as hashEvent hashes it", async () => {
    const actor = await makeActor("investigator");
    const label = `concurrent-${crypto.randomUUID()}`;
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db.transaction(async (tx) => {
          await recordAudit(tx, {
            actor: i % 2 ? actor : null,
            action: "test.concurrent",
            entityType: "test",
            entityId: `${label}-${i}`,
            detail: { i, label, nested: { z: '김상만 "quoted"', a: [1, null] } },
          });
          // Still working in the transaction after recording: the head is not locked yet.
          await tx.execute(sql`select pg_sleep(0.01)`);
        }),
      ),
    );
    const mine = await ours(label);
    expect(mine).toHaveLength(24);
    for (const row of mine) expect(row.hash).toBe(hashEvent(row));

    // Every event from the first of ours on (other test files may write in between) chains to the one before.
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gte(auditEvents.seq, mine[0]!.seq - 1))
      .orderBy(asc(auditEvents.seq));
    for (let k = 1; k < rows.length; k++) {
      const prev = rows[k - 1]!;
      expect(checkLink({ seq: prev.seq, hash: prev.hash }, rows[k]!)).toBeNull();
      expect(rows[k]!.at.getTime()).toBeGreaterThanOrEqual(prev.at.getTime());
    }
  });

  it("chains a transaction's events in the order recorded, only once it commits, leaving nothing pending", async () => {
    const label = `order-${crypto.randomUUID()}`;
    await db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++)
        await recordAudit(tx, { actor: null, action: "test.order", entityType: "test", entityId: `${label}-${i}` });
      const seen = await tx
        .select()
        .from(auditEvents)
        .where(like(auditEvents.entityId, `${label}%`));
      expect(seen).toHaveLength(0);
    });
    const mine = await ours(label);
    expect(mine.map((r) => r.entityId)).toEqual([0, 1, 2].map((i) => `${label}-${i}`));
    expect(mine.map((r) => r.seq)).toEqual([mine[0]!.seq, mine[0]!.seq + 1, mine[0]!.seq + 2]);
    const pending = await db
      .select()
      .from(auditPending)
      .where(like(auditPending.entityId, `${label}%`));
    expect(pending).toHaveLength(0);
  });

  it("writes nothing and leaves the head alone when the transaction rolls back", async () => {
    const label = `rolled-back-${crypto.randomUUID()}`;
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, { actor: null, action: "test.rollback", entityType: "test", entityId: label });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await ours(label)).toHaveLength(0);
    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_pending`);
    expect(n).toBe(0);
  });
});

describe("recordAuditNow", () => {
  it("chains at once and answers the event's seq and hash, which the head then holds", async () => {
    const label = `now-${crypto.randomUUID()}`;
    const { written, head } = await db.transaction(async (tx) => {
      const written = await recordAuditNow(tx, {
        actor: null,
        action: "test.now",
        entityType: "test",
        entityId: label,
      });
      const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
      const [row] = await tx.select().from(auditEvents).where(eq(auditEvents.seq, written.seq));
      expect(row).toMatchObject({ entityId: label, hash: written.hash });
      return { written, head };
    });
    expect(head).toMatchObject({ seq: written.seq, hash: written.hash });
    const [row] = await ours(label);
    expect(row).toMatchObject({ seq: written.seq, hash: written.hash });
    expect(row!.hash).toBe(hashEvent(row!));
  });
});
