import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { openZipEntry, readZipDirectory } from "./zip-reader";
import { PackWriter } from "./zip-writer";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-zipw-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Bytes in uneven chunks, as storage or a network delivers them. */
const chunked = (bytes: Buffer, size = 65_537) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)),
  );

const contents = {
  "evidence/E-001_big.bin": randomBytes(3 * 1024 * 1024 + 7),
  "evidence/E-002_résumé.txt": Buffer.from("Senior engineer\n".repeat(400)),
  "manifest.json": Buffer.from(JSON.stringify({ hello: "world", n: [1, 2, 3] }).repeat(100)),
  "empty.txt": Buffer.alloc(0),
  "tiny.txt": Buffer.from("x"),
};

async function writePack(file: string, forceZip64: boolean) {
  const progress: number[] = [];
  const writer = new PackWriter(file, {
    mtime: new Date("2026-03-14T10:15:02Z"),
    forceZip64,
    onProgress: (n) => progress.push(n),
  });
  const streamed = await writer.addStream(
    "evidence/E-001_big.bin",
    chunked(contents["evidence/E-001_big.bin"]),
    contents["evidence/E-001_big.bin"].length,
  );
  expect(streamed).toEqual({
    path: "evidence/E-001_big.bin",
    size: contents["evidence/E-001_big.bin"].length,
    sha256: sha(contents["evidence/E-001_big.bin"]),
  });
  await writer.addStream(
    "evidence/E-002_résumé.txt",
    chunked(contents["evidence/E-002_résumé.txt"], 1000),
    contents["evidence/E-002_résumé.txt"].length,
  );
  for (const name of ["manifest.json", "empty.txt", "tiny.txt"] as const) await writer.addBuffer(name, contents[name]);
  const result = await writer.finish();
  expect(progress.at(-1)).toBe(result.size);
  return { result, entries: writer.entries };
}

describe("the pack's ZIP writer", () => {
  for (const forceZip64 of [false, true]) {
    it(`writes a ZIP that unzip tests clean and that reads back byte for byte${forceZip64 ? " (ZIP64 layout, as over 4 GiB)" : ""}`, async () => {
      const file = path.join(dir, `pack-${forceZip64}.zip`);
      const { result, entries } = await writePack(file, forceZip64);
      const bytes = fs.readFileSync(file);
      expect(result).toEqual({ size: bytes.length, sha256: sha(bytes) });
      expect(entries.map((e) => e.path)).toEqual(Object.keys(contents));
      const tested = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
      expect(tested.status, tested.stdout + tested.stderr).toBe(0);
      expect(tested.stdout).toContain("No errors detected");
      const out = path.join(dir, `out-${forceZip64}`);
      expect(spawnSync("unzip", ["-q", file, "-d", out]).status).toBe(0);
      for (const [name, data] of Object.entries(contents)) {
        expect(sha(fs.readFileSync(path.join(out, name))), name).toBe(sha(data));
        const entry = (await readZipDirectory(file)).find((e) => e.name === name)!;
        const parts: Buffer[] = [];
        for await (const c of await openZipEntry(file, entry)) parts.push(c as Buffer);
        expect(sha(Buffer.concat(parts))).toBe(sha(data));
      }
      expect(fs.statSync(path.join(out, "tiny.txt")).mtime.toISOString()).toBe("2026-03-14T10:15:02.000Z");
    });
  }

  it("stores evidence as is and deflates generated files", async () => {
    const file = path.join(dir, "methods.zip");
    await writePack(file, false);
    const methods = Object.fromEntries((await readZipDirectory(file)).map((e) => [e.name, e.method]));
    expect(methods).toMatchObject({
      "evidence/E-001_big.bin": 0,
      "evidence/E-002_résumé.txt": 0,
      "manifest.json": 8,
      "tiny.txt": 0,
    });
  });

  it("leaves no listener behind on the file after each wait for the disk, however many there are", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    try {
      const file = path.join(dir, "many-drains.zip");
      const writer = new PackWriter(file, { mtime: new Date() });
      // Each 8 MiB chunk fills the write buffer, so every chunk waits for a drain: 14 waits.
      const chunk = Buffer.alloc(8 << 20, 1);
      const bytes = Buffer.concat(Array.from({ length: 14 }, () => chunk));
      await writer.addStream("big.bin", chunked(bytes, chunk.length), bytes.length);
      await writer.finish();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });

  it("refuses a duplicate name and removes its file when aborted", async () => {
    const file = path.join(dir, "aborted.zip");
    const writer = new PackWriter(file, { mtime: new Date() });
    await writer.addBuffer("a.txt", Buffer.from("a"));
    await expect(writer.addBuffer("a.txt", Buffer.from("b"))).rejects.toThrow(/duplicate/);
    await writer.abort();
    expect(fs.existsSync(file)).toBe(false);
  });
});
