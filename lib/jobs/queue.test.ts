import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, ready } from "@/db";
import { jobs } from "@/db/schema";
import { claimJob, completeJob, enqueueJob, failExhaustedJobs, failJob, getJob, renewLease } from "./queue";

// Each test has its own kind, so jobs other tests queue are never claimed here.
const newKind = () => `test.${randomUUID().slice(0, 8)}`;

async function expireLease(id: string) {
  await db
    .update(jobs)
    .set({ leaseUntil: sql`now() - interval '1 second'` })
    .where(eq(jobs.id, id));
}

describe("job queue", () => {
  beforeAll(() => ready());

  it("keeps one job per kind and key while it waits, and queues finished work again", async () => {
    const kind = newKind();
    await enqueueJob(db, { kind, key: "item-1", payload: { n: 1 } });
    await enqueueJob(db, { kind, key: "item-1", payload: { n: 2 } });
    const rows = await db.select().from(jobs).where(eq(jobs.kind, kind));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "queued", payload: { n: 1 }, attempts: 0 });

    const job = await claimJob([kind]);
    await completeJob(job!);
    expect(await getJob(kind, "item-1")).toMatchObject({ status: "done", progress: 1000 });
    await enqueueJob(db, { kind, key: "item-1", payload: { n: 3 } });
    expect(await getJob(kind, "item-1")).toMatchObject({
      status: "queued",
      payload: { n: 3 },
      attempts: 0,
      finishedAt: null,
    });
  });

  it("runs a job again when its key is queued while it runs: a change made meanwhile is not left undone", async () => {
    const kind = newKind();
    await enqueueJob(db, { kind, key: "case-1", payload: { n: 1 } });
    const running = await claimJob([kind]);
    expect(running).toMatchObject({ status: "running", attempts: 1 });
    // Queued again while it runs: still one job, still running, still this claim's.
    await enqueueJob(db, { kind, key: "case-1", payload: { n: 2 } });
    expect(await db.select().from(jobs).where(eq(jobs.kind, kind))).toHaveLength(1);
    expect(await getJob(kind, "case-1")).toMatchObject({ status: "running", attempts: 1 });
    expect(await renewLease(running!)).toBe(true);
    expect(await claimJob([kind])).toBeNull();

    // Finished, it goes back to the queue as a fresh run with the newer payload...
    await completeJob(running!);
    expect(await getJob(kind, "case-1")).toMatchObject({ status: "queued", attempts: 0, payload: { n: 2 } });
    const again = await claimJob([kind]);
    expect(again).toMatchObject({ payload: { n: 2 }, attempts: 1 });
    // ...and a run nothing queued meanwhile ends done.
    await completeJob(again!);
    expect(await getJob(kind, "case-1")).toMatchObject({ status: "done", progress: 1000 });
  });

  it("gives a job to one claimer at a time, and again once its lease runs out", async () => {
    const kind = newKind();
    await enqueueJob(db, { kind, key: "a" });
    const first = await claimJob([kind]);
    expect(first).toMatchObject({ status: "running", attempts: 1 });
    expect(await claimJob([kind])).toBeNull();
    expect(await renewLease(first!)).toBe(true);

    // The process holding it died: its lease runs out and another claim takes it over.
    await expireLease(first!.id);
    const second = await claimJob([kind]);
    expect(second).toMatchObject({ id: first!.id, attempts: 2 });
    // The first holder's late answers change nothing now.
    expect(await renewLease(first!)).toBe(false);
    await completeJob(first!);
    expect((await getJob(kind, "a"))?.status).toBe("running");
    await completeJob(second!);
    expect((await getJob(kind, "a"))?.status).toBe("done");
  });

  it("hands jobs claimed at the same moment to different claimers", async () => {
    const kind = newKind();
    for (const key of ["a", "b", "c"]) await enqueueJob(db, { kind, key });
    const claimed = await Promise.all([claimJob([kind]), claimJob([kind]), claimJob([kind]), claimJob([kind])]);
    const ids = claimed.filter((j) => j !== null).map((j) => j.key);
    expect(ids.sort()).toEqual(["a", "b", "c"]);
  });

  it("retries a failed attempt after a pause, then fails for good when no attempts remain", async () => {
    const kind = newKind();
    await enqueueJob(db, { kind, key: "x", maxAttempts: 2 });
    const first = await claimJob([kind]);
    await failJob(first!, "network hiccup");
    const waiting = await getJob(kind, "x");
    expect(waiting).toMatchObject({ status: "queued", error: "network hiccup" });
    expect(waiting!.runAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await claimJob([kind])).toBeNull();

    await db
      .update(jobs)
      .set({ runAfter: new Date(Date.now() - 1000) })
      .where(eq(jobs.id, first!.id));
    const second = await claimJob([kind]);
    await failJob(second!, "still broken");
    expect(await getJob(kind, "x")).toMatchObject({ status: "failed", error: "still broken", attempts: 2 });
  });

  it("fails at once what trying again cannot fix", async () => {
    const kind = newKind();
    await enqueueJob(db, { kind, key: "y" });
    const job = await claimJob([kind]);
    await failJob(job!, "no such item", false);
    expect(await getJob(kind, "y")).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("marks failed a job whose process died on its last attempt", async () => {
    const kind = newKind();
    await enqueueJob(db, { kind, key: "z", maxAttempts: 1 });
    const job = await claimJob([kind]);
    await expireLease(job!.id);
    expect(await claimJob([kind])).toBeNull();
    const swept = await failExhaustedJobs();
    expect(swept.map((j) => j.id)).toContain(job!.id);
    const [row] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, kind), eq(jobs.key, "z")));
    expect(row).toMatchObject({
      status: "failed",
      error: "The server stopped while working on this each time it was tried",
    });
  });
});
