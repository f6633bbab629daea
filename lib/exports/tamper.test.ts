import { evidenceDataDir, storedPath } from "@/lib/testing/evidence";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { custodyEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait, run, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { instanceSigningKey } from "./signing";
import { verifyPack } from "./verify-pack";
import { readZipDirectory } from "./zip-reader";

// These packs are checked file by file as made without a time-stamping authority (timestamp.test.ts
// covers manifest.tsr): whatever TSA_URL the run has, this file builds them without.
vi.hoisted(() => {
  delete process.env.TSA_URL;
});

let lead: Actor;
let good: string;
const evidencePath = "evidence/E-002_laptop-serials.csv";

beforeAll(async () => {
  lead = await makeActor("investigator");
  const c = await makeCase(lead);
  await addEvidence(lead, c.id, { name: "onboarding.png", bytes: randomBytes(200_000) });
  await addEvidence(lead, c.id, {
    name: "laptop-serials.csv",
    bytes: Buffer.from("serial,shipped_to\nC02XK1,Forwarder 12\n".repeat(500)),
  });
  good = (await exportAndWait(lead, c.id)).file;
}, 120_000);

/** Copies the pack and flips one bit in the middle of one entry's stored bytes. */
async function flipInZip(name: string): Promise<string> {
  const copy = path.join(evidenceDataDir, `flipped-${randomBytes(4).toString("hex")}.zip`);
  fs.copyFileSync(good, copy);
  const entry = (await readZipDirectory(copy)).find((e) => e.name === name)!;
  const fd = fs.openSync(copy, "r+");
  const header = Buffer.alloc(30);
  fs.readSync(fd, header, 0, 30, entry.localHeaderOffset);
  const at =
    entry.localHeaderOffset +
    30 +
    header.readUInt16LE(26) +
    header.readUInt16LE(28) +
    Math.floor(entry.compressedSize / 2);
  const byte = Buffer.alloc(1);
  fs.readSync(fd, byte, 0, 1, at);
  byte[0]! ^= 0x01;
  fs.writeSync(fd, byte, 0, 1, at);
  fs.closeSync(fd);
  return copy;
}

/** Unpacks, lets `edit` change a file, and zips the folder again with the system's zip (as someone tampering would). */
function repack(edit: (dir: string) => void): string {
  const dir = unzipPack(good);
  edit(dir);
  const out = path.join(evidenceDataDir, `repacked-${randomBytes(4).toString("hex")}.zip`);
  const result = run("zip", ["-q", "-r", "-X", out, "."], dir);
  if (result.status !== 0) throw new Error(result.stderr);
  return out;
}

/** The real command, in a child process, with this test file's data folder (and so its signing key). */
function cli(file: string) {
  return run(
    "sh",
    ["-c", `DATA_DIR='${evidenceDataDir}' npx tsx --conditions=react-server scripts/cli.ts verify-pack '${file}'`],
    process.cwd(),
  );
}

describe("verify-pack", () => {
  it("names exactly the evidence file whose byte was flipped inside the ZIP", async () => {
    const result = await verifyPack(await flipInZip(evidencePath), { instanceKey: instanceSigningKey() });
    expect(result.ok).toBe(false);
    expect(new Set(result.problems.map((p) => p.file))).toEqual(new Set([evidencePath]));
    expect(result.problems.map((p) => p.problem).join("\n")).toMatch(/SHA256SUMS|manifest\.json|collected/);
    expect(result.signature.valid).toBe(true);
  });

  it("names exactly manifest.json when one byte of it is changed and the pack re-zipped", async () => {
    const file = repack((dir) => {
      const manifest = path.join(dir, "manifest.json");
      const bytes = fs.readFileSync(manifest);
      const at = bytes.indexOf(Buffer.from('"title"')) + 10;
      bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
      fs.writeFileSync(manifest, bytes);
    });
    const result = await verifyPack(file, { instanceKey: instanceSigningKey() });
    expect(result.ok).toBe(false);
    expect(new Set(result.problems.map((p) => p.file))).toEqual(new Set(["manifest.json"]));
    expect(result.signature.valid).toBe(false);
  });

  it("sees the same tampering as sha256sum -c does, on the unpacked files", () => {
    const dir = unzipPack(good);
    const target = path.join(dir, evidencePath);
    const bytes = fs.readFileSync(target);
    bytes[10]! ^= 0xff;
    fs.writeFileSync(target, bytes);
    const result = run("sha256sum", ["-c", "--quiet", "SHA256SUMS"], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`${evidencePath}: FAILED\n`);
  });

  it("reports a file added to the pack and a file removed from it", async () => {
    const file = repack((dir) => {
      fs.writeFileSync(path.join(dir, "evidence", "E-009_planted.txt"), "not from the instance");
      fs.rmSync(path.join(dir, "custody.csv"));
    });
    const result = await verifyPack(file);
    expect(new Set(result.problems.map((p) => p.file))).toEqual(new Set(["evidence/E-009_planted.txt", "custody.csv"]));
  });

  it("says when the key is not this instance's key", async () => {
    const result = await verifyPack(good, { instanceKey: { ...instanceSigningKey(), fingerprint: "0".repeat(64) } });
    expect(result.ok).toBe(true);
    expect(result.signature.matchesInstance).toBe(false);
  });

  it("fails on something that is not a ZIP", async () => {
    const file = path.join(evidenceDataDir, "not-a-zip.zip");
    fs.writeFileSync(file, "hello");
    const result = await verifyPack(file);
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.problem).toMatch(/cannot be read as a ZIP/);
  });

  it("runs as npm run cli -- verify-pack: exit 0 on a good pack, 1 naming the wrong file on a bad one", async () => {
    const ok = cli(good);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("(this instance's key)");
    expect(ok.stdout).toContain("OK: every file is intact");
    const bad = cli(await flipInZip(evidencePath));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`WRONG ${evidencePath}:`);
    expect(
      bad.stderr
        .split("\n")
        .filter((l) => l.startsWith("WRONG"))
        .every((l) => l.startsWith(`WRONG ${evidencePath}:`)),
    ).toBe(true);
  }, 60_000);
});

describe("building from altered storage", () => {
  it("fails the export naming the exhibit, records a failed check in custody, and keeps no file", async () => {
    const c = await makeCase(lead);
    const item = await addEvidence(lead, c.id, { name: "bank-letter.pdf", bytes: randomBytes(50_000) });
    const stored = storedPath(item.sha256);
    fs.chmodSync(stored, 0o640);
    const bytes = fs.readFileSync(stored);
    bytes[100]! ^= 0xff;
    fs.writeFileSync(stored, bytes);
    const pack = await exportAndWait(lead, c.id);
    expect(pack.status).toBe("failed");
    expect(pack.error).toMatch(/^E-001: the stored bytes no longer match/);
    expect(pack.sha256).toBeNull();
    expect(fs.existsSync(pack.file)).toBe(false);
    expect(fs.existsSync(`${pack.file}.part`)).toBe(false);
    const custody = await db.select().from(custodyEvents).where(eq(custodyEvents.evidenceId, item.id));
    expect(custody.map((e) => e.action)).toContain("verification_failed");
    expect(custody.map((e) => e.action)).not.toContain("exported");
  });
});
