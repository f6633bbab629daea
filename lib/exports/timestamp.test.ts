import { evidenceDataDir } from "@/lib/testing/evidence";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait, run, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { readTimestamp, requestTimestamp } from "./timestamp";
import { verifyPack } from "./verify-pack";
import { verifyPackAsOperator } from "./verify-report";

// A real TSA: the one in TSA_URL (.ci/run starts scripts/tsa-server.sh), or one started here.
// Set before any module reads lib/env.ts, so the packs below are timestamped.
const tsa = await vi.hoisted(async () => {
  const { execFileSync } = await import("node:child_process");
  if (!process.env.TSA_URL) {
    const out = execFileSync("bash", ["scripts/tsa-server.sh", "start"], { encoding: "utf8" });
    process.env.TSA_URL = /TSA_URL=(\S+)/.exec(out)?.[1];
  }
  return { url: process.env.TSA_URL! };
});

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
let packFile: string;
let dir: string;
let caFile: string;

beforeAll(async () => {
  const lead = await makeActor("investigator");
  const c = await makeCase(lead);
  await addEvidence(lead, c.id, { name: "payslip.pdf", bytes: randomBytes(50_000) });
  const pack = await exportAndWait(lead, c.id);
  expect(pack.status, pack.error ?? "").toBe("done");
  packFile = pack.file;
  dir = unzipPack(pack.file);
  // The local TSA publishes its CA certificate; a recipient gets it from the authority.
  caFile = path.join(dir, "..", `tsa-ca-${randomBytes(4).toString("hex")}.pem`);
  fs.writeFileSync(caFile, Buffer.from(await (await fetch(new URL("ca.pem", tsa.url))).arrayBuffer()));
}, 120_000);

const verifyWithOpenssl = (data: string) =>
  run("openssl", ["ts", "-verify", "-in", "manifest.tsr", "-data", data, "-CAfile", caFile], dir);

describe("a pack built with TSA_URL set", () => {
  it("carries manifest.tsr, which openssl ts -verify accepts for manifest.json with the TSA's CA", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.timestamp).toEqual({
      standard: "RFC 3161",
      file: "manifest.tsr",
      hashAlgorithm: "SHA-256",
      tsaUrl: tsa.url,
    });
    expect(manifest.filesNotListed.map((f: { path: string }) => f.path)).toContain("manifest.tsr");
    const result = verifyWithOpenssl("manifest.json");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Verification: OK");
    // SHA256SUMS covers it like every other file.
    expect(fs.readFileSync(path.join(dir, "SHA256SUMS"), "utf8")).toContain("  manifest.tsr\n");
  });

  it("is rejected by openssl ts -verify once one byte of the manifest changes", () => {
    const bytes = fs.readFileSync(path.join(dir, "manifest.json"));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(path.join(dir, "manifest-changed.json"), bytes);
    const result = verifyWithOpenssl("manifest-changed.json");
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain("Verification: OK");
  });

  it("tells the recipient in VERIFY.txt how to read and verify it", () => {
    const text = fs.readFileSync(path.join(dir, "VERIFY.txt"), "utf8");
    expect(text).toContain("openssl ts -verify -in manifest.tsr -data manifest.json -CAfile tsa-ca.pem");
    expect(text).toContain("openssl ts -reply -in manifest.tsr -text");
    expect(text).not.toContain("no trusted timestamp");
  });

  it("passes verify-pack, which checks the timestamp against manifest.json, and shows its time on the report's cover", async () => {
    const result = await verifyPack(packFile);
    expect(result.problems).toEqual([]);
    expect(result.timestamp).toMatchObject({ valid: true, signer: expect.stringContaining("Casework test TSA") });
    expect(Math.abs(Date.parse(result.timestamp!.genTime!) - Date.now())).toBeLessThan(5 * 60_000);
    const cover = run("pdftotext", [path.join(dir, "report.pdf"), "-"]).stdout.split("\f")[0]!;
    expect(cover).toContain("Trusted timestamp (RFC 3161, manifest.tsr)");
    expect(cover).toContain(result.timestamp!.genTime!.slice(0, 10));
    const lines = (await verifyPackAsOperator(packFile)).lines.join("\n");
    expect(lines).toMatch(/Trusted timestamp \(manifest\.tsr\): \d{4}-\d{2}-\d{2}T/);
  });

  it("with the TSA's CA (TSA_CA_FILE), checks that the token's signer chains to it, and names manifest.tsr when it does not", async () => {
    const trusted = await verifyPack(packFile, { tsaCa: fs.readFileSync(caFile, "utf8") });
    expect(trusted.problems).toEqual([]);
    expect(trusted.timestamp).toMatchObject({ valid: true, trusted: true });
    // Another authority's CA: the token is intact but not from a TSA the reader trusts.
    const otherCa = path.join(dir, "..", `other-ca-${randomBytes(4).toString("hex")}`);
    const made = run("openssl", [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=Another CA",
      "-keyout",
      `${otherCa}.key`,
      "-out",
      `${otherCa}.pem`,
    ]);
    expect(made.status, made.stderr).toBe(0);
    const untrusted = await verifyPack(packFile, { tsaCa: fs.readFileSync(`${otherCa}.pem`, "utf8") });
    expect(untrusted.ok).toBe(false);
    expect(untrusted.timestamp).toMatchObject({ valid: true, trusted: false });
    expect(untrusted.problems).toEqual([
      {
        file: "manifest.tsr",
        problem: expect.stringMatching(
          /^is not from a trusted time-stamping authority: its signer \(.*Casework test TSA.*\) does not chain/,
        ),
      },
    ]);
    // Without a CA file the chain is not judged.
    expect((await verifyPack(packFile)).timestamp?.trusted).toBeNull();
  });

  it("makes verify-pack name manifest.tsr when the timestamp is not of this manifest, or is missing", async () => {
    // A genuine timestamp of other bytes put in place of the pack's.
    const other = await requestTimestamp(tsa.url, sha256(Buffer.from("another manifest")));
    const swapped = repack((d) => fs.writeFileSync(path.join(d, "manifest.tsr"), other.reply));
    const result = await verifyPack(swapped);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({
      file: "manifest.tsr",
      problem: expect.stringMatching(/^is not a valid timestamp of manifest\.json: it covers [0-9a-f]{64}/),
    });
    const missing = await verifyPack(repack((d) => fs.rmSync(path.join(d, "manifest.tsr"))));
    expect(missing.problems).toContainEqual({
      file: "manifest.tsr",
      problem: "is named in manifest.json but missing from the pack",
    });
  });
});

describe("timestamp requests and replies", () => {
  it("reads a reply only for the hash it covers, and refuses one whose signed content was altered", async () => {
    const hash = sha256(Buffer.from("some manifest"));
    const { reply, info } = await requestTimestamp(tsa.url, hash);
    expect(info.sha256).toBe(hash);
    expect(() => readTimestamp(reply, sha256(Buffer.from("other")))).toThrow(/it covers/);
    // Flip one bit inside the signature (the reply's last bytes): the token no longer verifies.
    const altered = Buffer.from(reply);
    altered[altered.length - 10]! ^= 0x01;
    expect(() => readTimestamp(altered, hash)).toThrow();
  });

  it("fails when the TSA cannot be reached or answers something that is not a timestamp", async () => {
    await expect(requestTimestamp("http://127.0.0.1:9/", "00".repeat(32))).rejects.toThrow();
    expect(() => readTimestamp(Buffer.from("<html>not a timestamp</html>"), "00".repeat(32))).toThrow();
  });
});

function repack(edit: (d: string) => void): string {
  const d = unzipPack(packFile);
  edit(d);
  const out = path.join(evidenceDataDir, `repacked-${randomBytes(4).toString("hex")}.zip`);
  const result = run("zip", ["-q", "-r", "-X", out, "."], d);
  if (result.status !== 0) throw new Error(result.stderr);
  return out;
}
