import { storedPath } from "@/lib/testing/evidence";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { exports, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { claimJob } from "@/lib/jobs/queue";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { buildsIdle, EXPORT_BUILD } from "./build-job";
import { createExport } from "./create-export";
import { getExport } from "./get-export";
import { packPath } from "./paths";

vi.hoisted(() => {
  delete process.env.TSA_URL;
});

let lead: Actor;
beforeAll(async () => {
  lead = await makeActor("investigator");
});

const jobOf = async (exportId: string) =>
  (
    await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, EXPORT_BUILD), eq(jobs.key, exportId)))
  )[0];

describe("export builds as jobs", () => {
  it("queues the build with the export, so any instance can build it", async () => {
    const c = await makeCase(lead);
    const { id } = await createExport({ actor: lead, caseId: c.id });
    expect(await jobOf(id)).toMatchObject({ status: "queued", payload: { exportId: id } });
    await buildsIdle();
    expect(await jobOf(id)).toMatchObject({ status: "done", progress: 1000 });
    const view = await getExport({ actor: lead, exportId: id });
    expect(view.status).toBe("done");
    expect(fs.existsSync(packPath(id))).toBe(true);
  });

  it("starts over a build whose process died half-way, once its lease runs out", async () => {
    const c = await makeCase(lead);
    await addEvidence(lead, c.id, { name: "scan.bin", bytes: randomBytes(300_000) });
    const { id } = await createExport({ actor: lead, caseId: c.id });
    // The first claimer starts the build, writes part of it, and dies.
    const first = await claimJob([EXPORT_BUILD], [id]);
    expect(first).not.toBeNull();
    await db.update(exports).set({ status: "running", progress: 420 }).where(eq(exports.id, id));
    fs.mkdirSync(path.dirname(packPath(id)), { recursive: true });
    fs.writeFileSync(`${packPath(id)}.dead0001.part`, "half a pack");
    await db
      .update(jobs)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, first!.id));
    await buildsIdle();
    expect(await jobOf(id)).toMatchObject({ status: "done", attempts: 2 });
    expect((await getExport({ actor: lead, exportId: id })).status).toBe("done");
    expect(fs.existsSync(`${packPath(id)}.dead0001.part`)).toBe(false);
  });

  it("puts a build's failure on the export, with its message, and fails the job", async () => {
    const c = await makeCase(lead);
    const item = await addEvidence(lead, c.id, { name: "gone.bin", bytes: randomBytes(10_000) });
    fs.rmSync(storedPath(item.sha256));
    const { id } = await createExport({ actor: lead, caseId: c.id });
    await buildsIdle();
    const view = await getExport({ actor: lead, exportId: id });
    expect(view.status).toBe("failed");
    expect(view.error).toMatch(/E-001: its stored file cannot be read/);
    expect(await jobOf(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect(fs.existsSync(packPath(id))).toBe(false);
  });
});
