import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { ZipFile } from "yazl";
import { openZipEntry, readZipDirectory } from "./zip-reader";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-zip-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function read(file: string, name: string): Promise<Buffer> {
  const entry = (await readZipDirectory(file)).find((e) => e.name === name)!;
  const parts: Buffer[] = [];
  for await (const chunk of await openZipEntry(file, entry)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

describe("the pack's ZIP reader", () => {
  const files = {
    "a.bin": randomBytes(100_000),
    "dir/résumé.txt": Buffer.from("text ".repeat(5000)),
    "empty.txt": Buffer.alloc(0),
  };

  it("reads ZIP64 records (as packs over 4 GiB have), stored and deflated", async () => {
    const file = path.join(dir, "z64.zip");
    const zip = new ZipFile();
    zip.addBuffer(files["a.bin"], "a.bin", { compress: false, forceZip64Format: true });
    zip.addBuffer(files["dir/résumé.txt"], "dir/résumé.txt", { compress: true, forceZip64Format: true });
    zip.addBuffer(files["empty.txt"], "empty.txt", { forceZip64Format: true });
    zip.end({ forceZip64Format: true, comment: "" });
    await new Promise<void>((resolve, reject) =>
      zip.outputStream.pipe(fs.createWriteStream(file)).on("close", resolve).on("error", reject),
    );
    expect((await readZipDirectory(file)).map((e) => e.name)).toEqual(Object.keys(files));
    for (const [name, bytes] of Object.entries(files)) expect(sha(await read(file, name))).toBe(sha(bytes));
  });

  it("reads what the system's zip writes", async () => {
    const src = path.join(dir, "src");
    for (const [name, bytes] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(src, name)), { recursive: true });
      fs.writeFileSync(path.join(src, name), bytes);
    }
    const file = path.join(dir, "sys.zip");
    expect(spawnSync("zip", ["-q", "-r", file, "."], { cwd: src }).status).toBe(0);
    const names = (await readZipDirectory(file)).map((e) => e.name).filter((n) => !n.endsWith("/"));
    expect(names.sort()).toEqual(Object.keys(files).sort());
    for (const [name, bytes] of Object.entries(files)) expect(sha(await read(file, name))).toBe(sha(bytes));
  });

  it("refuses a file that is not a ZIP", async () => {
    const file = path.join(dir, "junk.zip");
    fs.writeFileSync(file, randomBytes(1000));
    await expect(readZipDirectory(file)).rejects.toThrow(/not a ZIP/);
  });
});
