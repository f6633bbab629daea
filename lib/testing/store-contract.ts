import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { expect, it } from "vitest";
import type { BlobStore } from "@/lib/storage/store";

/** What a contract run needs besides the store: the temp uploads this process has left behind. */
export interface ContractSubject {
  store: BlobStore;
  leftovers(): Promise<string[]>;
}

/** Bytes in several uneven chunks, as a network delivers them. */
export function chunked(bytes: Buffer, size = 100_003): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

const sha256Of = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * The behaviour every BlobStore must have, run against each implementation (local.test.ts for
 * the folder, s3.test.ts for a real S3 server). Sizes cross the S3 store's 16 MiB part size so
 * multipart uploads and their failure paths are exercised too.
 */
export function blobStoreContract(subject: () => ContractSubject): void {
  it("puts while hashing: the address is the SHA-256 of the bytes, and no temp upload is left", async () => {
    const { store, leftovers } = subject();
    const bytes = randomBytes(17 * 1024 * 1024 + 5);
    const result = await store.put(chunked(bytes, 1 << 20));
    expect(result).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
    expect(await store.exists(result.sha256)).toBe(true);
    expect((await readAll(await store.get(result.sha256))).equals(bytes)).toBe(true);
    expect(await leftovers()).toEqual([]);
  });

  it("reads an inclusive range, the first byte and the last", async () => {
    const { store } = subject();
    const bytes = randomBytes(300_000);
    const { sha256 } = await store.put(chunked(bytes));
    expect((await readAll(await store.get(sha256, { start: 10, end: 19 }))).equals(bytes.subarray(10, 20))).toBe(true);
    expect((await readAll(await store.get(sha256, { start: 0, end: 0 }))).equals(bytes.subarray(0, 1))).toBe(true);
    const last = { start: bytes.length - 1, end: bytes.length - 1 };
    expect((await readAll(await store.get(sha256, last))).equals(bytes.subarray(-1))).toBe(true);
  });

  it("stages invisibly, commits by copying to the address once, and discards idempotently", async () => {
    const { store, leftovers } = subject();
    const bytes = randomBytes(40_000);
    const staged = await store.stage(chunked(bytes, 7000));
    expect(staged.sha256).toBe(sha256Of(bytes));
    expect(await store.exists(staged.sha256)).toBe(false);
    expect(await staged.commit()).toBe(true);
    expect(await staged.commit()).toBe(false);
    await staged.discard();
    await staged.discard();
    expect((await readAll(await store.get(staged.sha256))).equals(bytes)).toBe(true);
    const again = await store.stage(chunked(bytes, 9000));
    expect(await again.commit()).toBe(false);
    await again.discard();
    expect(await leftovers()).toEqual([]);
  });

  it("deletes, answers not_found for a missing address, and deletes twice without error", async () => {
    const { store } = subject();
    const { sha256 } = await store.put(chunked(randomBytes(100)));
    await store.remove(sha256);
    expect(await store.exists(sha256)).toBe(false);
    await expect(store.get(sha256)).rejects.toMatchObject({ code: "not_found" });
    await expect(store.get(sha256Of(randomBytes(8)), { start: 0, end: 1 })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(store.remove(sha256)).resolves.toBeUndefined();
  });

  it("refuses more than maxBytes with payload_too_large, across parts, and leaves no object", async () => {
    const { store, leftovers } = subject();
    const bytes = randomBytes(20 * 1024 * 1024);
    const error = await store.put(chunked(bytes, 1 << 20), { maxBytes: 18 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "payload_too_large" });
    expect(await store.exists(sha256Of(bytes))).toBe(false);
    expect(await leftovers()).toEqual([]);
  });

  it("leaves no object when the source fails midway, or the upload is aborted", async () => {
    const { store, leftovers } = subject();
    async function* broken() {
      yield randomBytes(17 * 1024 * 1024);
      throw new Error("connection reset");
    }
    await expect(store.put(broken())).rejects.toThrow("connection reset");
    const controller = new AbortController();
    async function* aborted() {
      yield randomBytes(1000);
      controller.abort();
      await new Promise((r) => setTimeout(r, 50));
      yield randomBytes(1000);
    }
    await expect(store.put(aborted(), { signal: controller.signal })).rejects.toThrow();
    expect(await leftovers()).toEqual([]);
  });

  it("refuses anything but a SHA-256 as an address", async () => {
    const { store } = subject();
    for (const bad of ["../../etc/passwd", "A".repeat(64), "a".repeat(63), `${"a".repeat(62)}/x`])
      await expect(store.exists(bad)).rejects.toThrow();
  });

  it("publishes a named file built locally, reads it whole or by range, and removes it", async () => {
    const { store } = subject();
    const files = store.files("exports");
    const name = `${randomBytes(8).toString("hex")}.zip`;
    expect(await files.size(name)).toBeNull();
    await expect(files.get(name)).rejects.toMatchObject({ code: "not_found" });
    const bytes = randomBytes(200_000);
    const temp = await files.stagingPath(name);
    fs.writeFileSync(temp, bytes);
    await files.publish(name, temp);
    expect(fs.existsSync(temp)).toBe(false);
    expect(await files.size(name)).toBe(bytes.length);
    expect((await readAll(await files.get(name))).equals(bytes)).toBe(true);
    expect((await readAll(await files.get(name, { start: 5, end: 9 }))).equals(bytes.subarray(5, 10))).toBe(true);
    await files.remove(name);
    await files.remove(name);
    expect(await files.size(name)).toBeNull();
    for (const bad of ["../x.zip", ".hidden", "a/b.zip", ""]) await expect(files.size(bad)).rejects.toThrow();
  });

  it("writes small named files whole, replaces them, and lists the published names in order", async () => {
    const { store } = subject();
    const files = store.files("anchors");
    const prefix = randomBytes(8).toString("hex");
    const names = [`${prefix}-2.json`, `${prefix}-1.json`, `${prefix}-10.json`];
    for (const name of names) await files.write(name, Buffer.from(`{"name":"${name}"}`));
    // Staging files of an unfinished build are not published names.
    fs.writeFileSync(await files.stagingPath(`${prefix}-3.json`), "partial");
    const mine = (await files.list()).filter((n) => n.startsWith(prefix));
    expect(mine).toEqual([`${prefix}-1.json`, `${prefix}-10.json`, `${prefix}-2.json`]);
    await files.write(names[0]!, Buffer.from("replaced"));
    expect((await readAll(await files.get(names[0]!))).toString()).toBe("replaced");
    for (const name of [...names, `${prefix}-3.json`]) await files.remove(name);
    expect((await files.list()).filter((n) => n.startsWith(prefix))).toEqual([]);
    expect(await store.files("exports").list()).not.toContain(names[0]);
  });
}

/** A fresh temp folder for one test file, removed by the caller's afterAll. */
export const tempRoot = () => fs.mkdtempSync(path.join(os.tmpdir(), "casework-store-"));
