import "@/lib/testing/evidence";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { makeCase } from "@/lib/testing/cases";
import { exportAndWait, listFiles, run, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { verifyPack } from "./verify-pack";
import { verifyPackAsOperator } from "./verify-report";

// Before lib/env.ts is read: this instance has no time-stamping authority.
vi.hoisted(() => {
  delete process.env.TSA_URL;
});

describe("a pack built without TSA_URL", () => {
  it("has no manifest.tsr and says so in the manifest, VERIFY.txt, the report and verify-pack", async () => {
    const lead = await makeActor("investigator");
    const c = await makeCase(lead);
    const pack = await exportAndWait(lead, c.id);
    expect(pack.status).toBe("done");
    const dir = unzipPack(pack.file);
    expect(listFiles(dir)).not.toContain("manifest.tsr");
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.timestamp).toBeNull();
    expect(manifest.filesNotListed.map((f: { path: string }) => f.path)).not.toContain("manifest.tsr");
    const verifyTxt = fs.readFileSync(path.join(dir, "VERIFY.txt"), "utf8");
    expect(verifyTxt).toContain("This pack has no trusted timestamp");
    expect(verifyTxt).not.toContain("openssl ts");
    const cover = run("pdftotext", [path.join(dir, "report.pdf"), "-"]).stdout.split("\f")[0]!;
    expect(cover.replace(/\s+/g, " ")).toContain("None: no time-stamping authority was configured");
    const result = await verifyPack(pack.file);
    expect(result.ok).toBe(true);
    expect(result.timestamp).toBeNull();
    expect((await verifyPackAsOperator(pack.file)).lines).toContain("Trusted timestamp: none in this pack");
    // The first build of a process embeds fonts for the report and the certificates; under load it takes a while.
  }, 90_000);
});
