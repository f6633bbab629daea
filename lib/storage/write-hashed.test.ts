import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp, { type FileHandle } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { writeHashed } from "./write-hashed";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-write-hashed-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tempFile = () => path.join(dir, `f${n++}.bin`);

function chunks(bytes: Buffer, size: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return parts;
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("writeHashed", () => {
  it("writes every byte in order across batches and background syncs, and inspects each chunk once in order", async () => {
    // 70 MiB in uneven chunks: many 1 MiB batches and one background sync.
    const bytes = randomBytes(70 * 1024 * 1024 + 12345);
    const file = tempFile();
    const handle = await fsp.open(file, "wx");
    const hash = createHash("sha256");
    let seen = 0;
    await writeHashed(handle, Readable.from(chunks(bytes, 65_537)), (chunk) => {
      hash.update(chunk);
      seen += chunk.length;
    });
    await handle.close();
    expect(seen).toBe(bytes.length);
    expect(hash.digest("hex")).toBe(sha(bytes));
    expect(sha(fs.readFileSync(file))).toBe(sha(bytes));
  });

  it("finishes the write after a short write, from where it stopped", async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const file = tempFile();
    const real = await fsp.open(file, "wx");
    // A handle that writes at most 1000 bytes per call, as a file system may.
    const short = {
      writev: ([first]: Uint8Array[]) => real.writev([(first ?? new Uint8Array()).subarray(0, 1000)]),
      datasync: () => real.datasync(),
    } as unknown as FileHandle;
    await writeHashed(short, Readable.from(chunks(bytes, 300_001)), () => {});
    await real.close();
    expect(sha(fs.readFileSync(file))).toBe(sha(bytes));
  });

  it("stops at the chunk where inspect throws, reads no further, and throws that error", async () => {
    const file = tempFile();
    const handle = await fsp.open(file, "wx");
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield Buffer.alloc(1024 * 1024, i);
      }
    }
    await expect(
      writeHashed(handle, source(), (chunk) => {
        if (chunk[0] === 5) throw new Error("too big");
      }),
    ).rejects.toThrow("too big");
    await handle.close();
    expect(pulled).toBe(6);
    // Chunk 5 never reached the file.
    expect(fs.statSync(file).size).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it("throws a write failure and stops the source", async () => {
    const handle = await fsp.open(tempFile(), "wx");
    await handle.close();
    const source = Readable.from(chunks(randomBytes(8 * 1024 * 1024), 100_000));
    await expect(writeHashed(handle, source, () => {})).rejects.toThrow();
    expect(source.destroyed).toBe(true);
  });

  it("throws when the signal aborts, before or during the copy", async () => {
    const handle = await fsp.open(tempFile(), "wx");
    await expect(
      writeHashed(handle, Readable.from([Buffer.alloc(10)]), () => {}, AbortSignal.abort()),
    ).rejects.toThrow();
    const controller = new AbortController();
    let count = 0;
    await expect(
      writeHashed(
        handle,
        Readable.from(chunks(randomBytes(4 * 1024 * 1024), 100_000)),
        () => {
          if (++count === 10) controller.abort();
        },
        controller.signal,
      ),
    ).rejects.toThrow();
    expect(count).toBe(10);
    await handle.close();
  });
});
