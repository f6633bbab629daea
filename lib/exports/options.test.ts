import "@/lib/testing/evidence";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { evidence, exports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait, listFiles, run, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { stixBundleValidator } from "@/lib/testing/stix";
import { createExport } from "./create-export";
import { getExport } from "./get-export";
import { buildsIdle, recoverAbandonedExports } from "./build-job";
import { PRIVILEGED_REASON } from "./plan";
import { verifyPack } from "./verify-pack";

// These packs are checked file by file as made without a time-stamping authority (timestamp.test.ts
// covers manifest.tsr): whatever TSA_URL the run has, this file builds them without.
vi.hoisted(() => {
  delete process.env.TSA_URL;
});

let lead: Actor;
beforeAll(async () => {
  lead = await makeActor("investigator");
});

const manifestOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe("export options and edge cases", () => {
  it("exports a case with no evidence: no evidence folder, a valid manifest, a valid STIX bundle, checks passing", async () => {
    const c = await makeCase(lead);
    const pack = await exportAndWait(lead, c.id);
    expect(pack.status).toBe("done");
    const dir = unzipPack(pack.file);
    expect(listFiles(dir).some((f) => f.startsWith("evidence/"))).toBe(false);
    expect(manifestOf(dir)).toMatchObject({ evidence: [], excluded: [], personas: [], case: { ref: c.ref } });
    expect(run("sha256sum", ["-c", "SHA256SUMS"], dir).status).toBe(0);
    expect((await verifyPack(pack.file)).ok).toBe(true);
    const validate = stixBundleValidator();
    expect(
      validate(JSON.parse(fs.readFileSync(path.join(dir, "stix/bundle.json"), "utf8"))),
      JSON.stringify(validate.errors),
    ).toBe(true);
    const text = run("pdftotext", ["-layout", path.join(dir, "report.pdf"), "-"]).stdout;
    expect(text).toContain("No evidence files are in this pack.");
    // Nothing in Korean or Chinese: only the Latin font is embedded, not the large CJK ones.
    const fonts = run("pdffonts", [path.join(dir, "report.pdf")]).stdout;
    expect(fonts).toContain("NotoSans-Regular");
    expect(fonts).not.toMatch(/NotoSansKR|NotoSansHans/);
  });

  it("gives files whose names collide after sanitising distinct names", async () => {
    const c = await makeCase(lead);
    const names = ["notes.txt", "a/b/../notes.txt", "NOTES.txt", "no tes.txt", "no?tes.txt"];
    for (const name of names)
      await addEvidence(lead, c.id, { name, bytes: Buffer.from(`contents of ${name} ${randomUUID()}`) });
    const pack = await exportAndWait(lead, c.id);
    const paths = listFiles(unzipPack(pack.file)).filter((f) => f.startsWith("evidence/"));
    expect(paths).toEqual([
      "evidence/E-001_notes.txt",
      "evidence/E-002_notes.txt",
      "evidence/E-003_NOTES.txt",
      "evidence/E-004_no_tes.txt",
      "evidence/E-005_no_tes.txt",
    ]);
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(names.length);
  });

  it("leaves out excluded items with their reasons and only lists privileged items unless asked to include them", async () => {
    const c = await makeCase(lead);
    const keep = await addEvidence(lead, c.id, { name: "keep.txt", bytes: Buffer.from("keep") });
    const drop = await addEvidence(lead, c.id, { name: "medical.txt", bytes: Buffer.from("unrelated medical note") });
    const privileged = await addEvidence(lead, c.id, { name: "counsel-memo.txt", bytes: Buffer.from("legal advice") });
    await db.update(evidence).set({ privileged: true }).where(eq(evidence.id, privileged.id));
    const pack = await exportAndWait(lead, c.id, {
      exclude: [{ evidenceId: drop.id, reason: "Unrelated personal health data" }],
    });
    const dir = unzipPack(pack.file);
    expect(listFiles(dir).filter((f) => f.startsWith("evidence/"))).toEqual(["evidence/E-001_keep.txt"]);
    const manifest = manifestOf(dir);
    expect(manifest.evidence.map((e: { id: string }) => e.id)).toEqual([keep.id]);
    expect(manifest.excluded).toEqual([
      expect.objectContaining({
        exhibitNo: "E-002",
        evidenceId: drop.id,
        reason: "Unrelated personal health data",
        sha256: drop.sha256,
      }),
      expect.objectContaining({
        exhibitNo: "E-003",
        evidenceId: privileged.id,
        reason: PRIVILEGED_REASON,
        privileged: true,
      }),
    ]);
    const text = run("pdftotext", ["-layout", path.join(dir, "report.pdf"), "-"]).stdout;
    expect(text).toContain("Unrelated personal health data");
    expect(pack.options).toMatchObject({ excluded: 1, privileged: "list_only" });

    const withPrivileged = await exportAndWait(lead, c.id, {
      privileged: "include",
      includeReport: false,
      includeStix: false,
    });
    const dir2 = unzipPack(withPrivileged.file);
    expect(listFiles(dir2)).toEqual([
      "SHA256SUMS",
      "VERIFY.txt",
      "audit.csv",
      "certification/certificate-of-authenticity.docx",
      "certification/certificate-of-authenticity.pdf",
      "certification/us-fre-902-declaration.docx",
      "certification/us-fre-902-declaration.pdf",
      "custody.csv",
      "evidence/E-001_keep.txt",
      "evidence/E-002_medical.txt",
      "evidence/E-003_counsel-memo.txt",
      "manifest.json",
      "manifest.sig",
      "public-key.pem",
    ]);
    expect(manifestOf(dir2).filesNotListed.map((f: { path: string }) => f.path)).not.toContain("report.pdf");
    expect(run("sha256sum", ["-c", "SHA256SUMS"], dir2).status).toBe(0);
  });

  it("refuses exclusions of items that are not in the case, or without a reason, and writes nothing", async () => {
    const c = await makeCase(lead);
    const other = await makeCase(lead);
    const foreign = await addEvidence(lead, other.id, { name: "x.txt", bytes: randomBytes(10) });
    const mine = await addEvidence(lead, c.id, { name: "y.txt", bytes: randomBytes(10) });
    const before = await db.select().from(exports).where(eq(exports.caseId, c.id));
    const e1 = await failure(
      createExport({ actor: lead, caseId: c.id, options: { exclude: [{ evidenceId: foreign.id, reason: "x" }] } }),
    );
    expect(e1).toMatchObject({ code: "bad_request", details: [{ path: "options.exclude.0.evidenceId" }] });
    const e2 = await failure(
      createExport({ actor: lead, caseId: c.id, options: { exclude: [{ evidenceId: mine.id, reason: "  " }] } }),
    );
    expect(e2).toMatchObject({ code: "bad_request" });
    expect(JSON.stringify(e2?.details)).toContain("exclude.0.reason");
    const e3 = await failure(createExport({ actor: lead, caseId: c.id, options: { privileged: "shred" as never } }));
    expect(e3?.code).toBe("bad_request");
    expect(await db.select().from(exports).where(eq(exports.caseId, c.id))).toEqual(before);
  });

  it("marks exports left queued or building by a dead process as failed at start-up, and leaves finished ones alone", async () => {
    const c = await makeCase(lead);
    const [stale] = await db
      .insert(exports)
      .values({ caseId: c.id, createdById: lead.id, status: "running", progress: 420 })
      .returning();
    const [queued] = await db
      .insert(exports)
      .values({ caseId: c.id, createdById: lead.id, status: "queued" })
      .returning();
    const done = await exportAndWait(lead, c.id);
    expect(await recoverAbandonedExports()).toBeGreaterThanOrEqual(2);
    for (const id of [stale!.id, queued!.id]) {
      const view = await getExport({ actor: lead, exportId: id });
      expect(view.status).toBe("failed");
      expect(view.error).toMatch(/server stopped before this pack was finished/);
    }
    expect((await getExport({ actor: lead, exportId: done.id })).status).toBe("done");
  });

  it("does not take an export this process is still building for abandoned", async () => {
    const c = await makeCase(lead);
    await addEvidence(lead, c.id, { name: "big.bin", bytes: randomBytes(2_000_000) });
    const { id } = await createExport({ actor: lead, caseId: c.id });
    await recoverAbandonedExports();
    await buildsIdle();
    expect((await getExport({ actor: lead, exportId: id })).status).toBe("done");
  });
});
