import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq, gte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, ready, type Tx } from "@/db";
import { auditEvents, type AuditEvent } from "@/db/schema";
import { makeActor } from "@/lib/testing/factories";
import { hashEvent } from "./chain";
import { recordAuditNow } from "./record";
import { type AuditVerification, verifyAuditChain } from "./verify";
import { writeAuditAnchor } from "./write-anchor";

/*
 * All tampering with the audit log lives in this one file: under PostgreSQL every test file
 * shares the log, and verification walks all of it. Each tamper happens inside a transaction
 * that is rolled back, so no other connection ever sees a broken chain.
 */

class Rollback extends Error {}

/**
 * Runs `tamper` with triggers off (as a DBA could), verifies inside the same transaction (against
 * the anchors in `dataDir`, if given), then undoes everything.
 */
async function verifyWhileTampered(
  tamper: (tx: Tx) => Promise<void>,
  { dataDir }: { dataDir?: string } = {},
): Promise<AuditVerification> {
  let report: AuditVerification | undefined;
  try {
    await db.transaction(async (tx) => {
      // LOCAL: ends with the transaction, so the pooled connection never keeps triggers off.
      await tx.execute(sql`set local session_replication_role = replica`);
      await tamper(tx);
      report = await verifyAuditChain({ db: tx, dataDir });
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!report) throw new Error("verification did not run");
  return report;
}

/** Three events written in one transaction, so they hold consecutive seq numbers. */
async function writeEvents(label: string): Promise<AuditEvent[]> {
  const actor = await makeActor("admin");
  const seqs = await db.transaction(async (tx) => {
    const out: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { seq } = await recordAuditNow(tx, {
        actor,
        action: "test.event",
        entityType: "test",
        entityId: `${label}-${i}`,
        detail: { i, label, nested: { z: 1, a: [1, 2] } },
      });
      out.push(seq);
    }
    return out;
  });
  const rows = await Promise.all(
    seqs.map(async (seq) => (await db.select().from(auditEvents).where(eq(auditEvents.seq, seq)))[0]!),
  );
  return rows;
}

function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(" | ");
}

const dirs: string[] = [];
/** A data folder of the test's own: anchors written into the shared one would be checked by every test file. */
const anchorDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-anchors-"));
  dirs.push(dir);
  return dir;
};

// Made before any tampering transaction: on PGlite that transaction holds the only connection.
let tamperer: Awaited<ReturnType<typeof makeActor>>;
beforeAll(async () => {
  await ready();
  tamperer = await makeActor("admin");
});
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/**
 * Three events and an anchor of the newest, inside the tampering transaction: recordAuditNow's
 * lock on the chain's head, held to its end, keeps other test files from appending, so these three are the newest events.
 */
async function anchoredEvents(tx: Tx, label: string, dataDir: string) {
  const actor = tamperer;
  const seqs: number[] = [];
  for (let i = 0; i < 3; i++)
    seqs.push(
      (
        await recordAuditNow(tx, {
          actor,
          action: "test.event",
          entityType: "test",
          entityId: `${label}-${i}`,
          detail: { i, label },
        })
      ).seq,
    );
  const written = await writeAuditAnchor({ db: tx, dataDir });
  if (!written.written) throw new Error("no anchor written");
  const rows = await tx.select().from(auditEvents).where(gte(auditEvents.seq, seqs[0]!)).orderBy(auditEvents.seq);
  return { rows, anchor: written.anchor };
}

describe("verifyAuditChain", () => {
  it("accepts the chain that recordAudit writes, read back from the database", async () => {
    const rows = await writeEvents("ok");
    const [first, second, third] = rows as [AuditEvent, AuditEvent, AuditEvent];
    expect(second.seq).toBe(first.seq + 1);
    expect(third.prevHash).toBe(second.hash);
    expect(third.detail).toEqual({ i: 2, label: "ok", nested: { a: [1, 2], z: 1 } });
    const report = await verifyAuditChain({ db });
    expect(report).toMatchObject({ ok: true, firstBreak: null });
    expect(report.lastSeq).toBeGreaterThanOrEqual(third.seq);
    expect(report.checked).toBeGreaterThanOrEqual(3);
  });

  it("walks the log in batches", async () => {
    const rows = await writeEvents("batch");
    const report = await verifyAuditChain({ db, batchSize: 2 });
    expect(report.ok).toBe(true);
    expect(report.lastSeq).toBeGreaterThanOrEqual(rows[2]!.seq);
  });

  it("names an event changed behind the application's back", async () => {
    const [, target] = await writeEvents("changed");
    const report = await verifyWhileTampered(async (tx) => {
      await tx
        .update(auditEvents)
        .set({ detail: { i: 1, label: "changed", forged: true } })
        .where(eq(auditEvents.seq, target!.seq));
    });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ seq: target!.seq, problem: "hash_mismatch" });
    expect(report.lastSeq).toBe(target!.seq - 1);
  });

  it("names an event deleted behind the application's back", async () => {
    const [, target] = await writeEvents("deleted");
    const report = await verifyWhileTampered(async (tx) => {
      await tx.delete(auditEvents).where(eq(auditEvents.seq, target!.seq));
    });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ seq: target!.seq, problem: "missing" });
  });

  it("catches an event forged with a recomputed hash, at the next link", async () => {
    const [, target, next] = await writeEvents("rehashed");
    const forged = { ...target!, detail: { i: 1, label: "rehashed", forged: true } };
    const report = await verifyWhileTampered(async (tx) => {
      await tx
        .update(auditEvents)
        .set({ detail: forged.detail, hash: hashEvent(forged) })
        .where(eq(auditEvents.seq, target!.seq));
    });
    expect(report.firstBreak).toMatchObject({ seq: next!.seq, problem: "prev_hash_mismatch" });
  });

  it("names the anchored event when the newest events are deleted, which leaves the chain itself whole", async () => {
    const dataDir = anchorDir();
    let anchored = 0;
    const report = await verifyWhileTampered(
      async (tx) => {
        const { rows, anchor } = await anchoredEvents(tx, "tail-deleted", dataDir);
        anchored = anchor.seq;
        expect(anchor.seq).toBe(rows[2]!.seq);
        await tx.delete(auditEvents).where(gte(auditEvents.seq, rows[1]!.seq));
      },
      { dataDir },
    );
    expect(report).toMatchObject({ ok: false, firstBreak: null, lastSeq: anchored - 2 });
    expect(report.anchors.problems).toEqual([
      {
        problem: "missing",
        line: 1,
        seq: anchored,
        message: `anchored event ${anchored} is missing: the log was truncated or its tail deleted`,
      },
    ]);
  });

  it("names the anchored event when the newest one is rewritten with a recomputed hash", async () => {
    const dataDir = anchorDir();
    let anchor: { seq: number; at: string } | undefined;
    const report = await verifyWhileTampered(
      async (tx) => {
        const found = await anchoredEvents(tx, "tail-rewritten", dataDir);
        anchor = found.anchor;
        const forged = { ...found.rows[2]!, detail: { i: 2, label: "tail-rewritten", forged: true } };
        await tx
          .update(auditEvents)
          .set({ detail: forged.detail, hash: hashEvent(forged) })
          .where(eq(auditEvents.seq, forged.seq));
      },
      { dataDir },
    );
    expect(report).toMatchObject({ ok: false, firstBreak: null, lastSeq: anchor!.seq });
    expect(report.anchors.problems).toEqual([
      {
        problem: "rewritten",
        line: 1,
        seq: anchor!.seq,
        message: `event ${anchor!.seq} does not match its anchor of ${anchor!.at}: the tail was rewritten`,
      },
    ]);
  });

  it("refuses to anchor over a deleted tail that new events have refilled, and verification still names it", async () => {
    const dataDir = anchorDir();
    let anchored = 0;
    const report = await verifyWhileTampered(
      async (tx) => {
        const { rows, anchor } = await anchoredEvents(tx, "tail-refilled", dataDir);
        anchored = anchor.seq;
        await tx.delete(auditEvents).where(gte(auditEvents.seq, rows[1]!.seq));
        // The chain's head row wound back to the last event kept, as whoever deleted the tail would.
        await tx.execute(
          sql`update audit_head set (seq, at, prev_hash, hash) = (select seq, at, prev_hash, hash from audit_events order by seq desc limit 1) where id = 1`,
        );
        const actor = tamperer;
        // The same seqs again, chained properly: only the anchor still knows the old ones.
        for (let i = 0; i < 3; i++)
          await recordAuditNow(tx, { actor, action: "test.event", entityType: "test", entityId: `refill-${i}` });
        const [head] = await tx
          .select({ seq: auditEvents.seq })
          .from(auditEvents)
          .orderBy(desc(auditEvents.seq))
          .limit(1);
        expect(head!.seq).toBe(anchored + 1);
        await expect(writeAuditAnchor({ db: tx, dataDir })).rejects.toMatchObject({
          code: "conflict",
          message: expect.stringContaining(`event ${anchored} does not match its anchor`),
        });
      },
      { dataDir },
    );
    expect(report.firstBreak).toBeNull();
    expect(report.anchors.problems).toEqual([expect.objectContaining({ problem: "rewritten", seq: anchored })]);
    expect(fs.readFileSync(path.join(dataDir, "audit-anchors.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("finds the chain whole again once the tampering is undone", async () => {
    await expect(verifyAuditChain({ db })).resolves.toMatchObject({ ok: true, firstBreak: null });
  });
});

describe("audit_events", () => {
  it("refuses a plain UPDATE or DELETE", async () => {
    const [row] = await writeEvents("append-only");
    const update = db.update(auditEvents).set({ action: "forged" }).where(eq(auditEvents.seq, row!.seq));
    await expect(update.then(() => "updated", errorText)).resolves.toMatch(/audit_events is append-only/);
    const remove = db.delete(auditEvents).where(eq(auditEvents.seq, row!.seq));
    await expect(remove.then(() => "deleted", errorText)).resolves.toMatch(/audit_events is append-only/);
    const [after] = await db.select().from(auditEvents).where(eq(auditEvents.seq, row!.seq));
    expect(after).toEqual(row);
  });
});

describe("the append-only logs", () => {
  // Row triggers never fire on TRUNCATE, which would empty a log in one statement.
  it.each(["audit_events", "custody_events", "disclosures"])("refuse TRUNCATE of %s", async (table) => {
    const attempt = db.transaction(async (tx) => {
      await tx.execute(sql.raw(`truncate table ${table}`));
      // Reached only without the refusal: undo, so other test files sharing the database keep their rows.
      throw new Rollback("truncated");
    });
    await expect(attempt.then(() => "committed", errorText)).resolves.toMatch(new RegExp(`${table} is append-only`));
  });
});
