import { spawn } from "node:child_process";
import { verify } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { existingSigningKey, instanceSigningKey, signBytes } from "./signing";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-key-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A separate process that asks for the key in `dir` and prints its fingerprint. */
function fingerprintFromAnotherProcess(dir: string): Promise<string> {
  // The project's .ts files load as CommonJS under tsx, so the module arrives as a default export.
  const script = `const m = await import("./lib/exports/signing.ts"); const { instanceSigningKey } = m.default ?? m; process.stdout.write(instanceSigningKey(${JSON.stringify(dir)}).fingerprint);`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "--input-type=module", "-e", script],
      { cwd: process.cwd(), env: { ...process.env, DATA_DIR: dir } },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
  });
}

describe("the instance signing key", () => {
  it("is created once, mode 0600, even when several processes ask at the same moment", async () => {
    const dir = tempDir();
    const prints = await Promise.all(Array.from({ length: 4 }, () => fingerprintFromAnotherProcess(dir)));
    expect(new Set(prints).size).toBe(1);
    expect(prints[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(instanceSigningKey(dir).fingerprint).toBe(prints[0]);
    expect(fs.statSync(path.join(dir, "signing-key.pem")).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(["signing-key.pem"]);
  }, 60_000);

  it("signs with Ed25519 over the exact bytes, and is never created just to verify", () => {
    const dir = tempDir();
    expect(existingSigningKey(dir)).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
    const key = instanceSigningKey(dir);
    const message = Buffer.from('{"manifest":true}\n');
    expect(verify(null, message, key.publicKey, signBytes(key, message))).toBe(true);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(existingSigningKey(dir)?.fingerprint).toBe(key.fingerprint);
  });
});
