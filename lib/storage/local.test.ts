import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { blobStoreContract } from "@/lib/testing/store-contract";
import { LocalBlobStore } from "./local";

const roots: string[] = [];
let store: LocalBlobStore;

beforeEach(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "casework-store-"));
  roots.push(root);
  store = new LocalBlobStore({ root });
});
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

/** Bytes in several uneven chunks, as a network delivers them. */
function chunked(bytes: Buffer, size = 100_003): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

function sha256sumOf(bytes: Buffer): string {
  const file = path.join(store.root, "original.bin");
  fs.writeFileSync(file, bytes);
  return execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0] ?? "";
}

const listFiles = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    : [];

/** Temp files of uploads, not the leases kept beside them. */
const tempFiles = (): string[] => listFiles(store.tmpDir).filter((f) => !f.startsWith(store.lease.dir + path.sep));

async function read(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

describe("LocalBlobStore", () => {
  it("stores bytes under evidence/ab/cd/<sha256>, with the hash sha256sum computes, read-only, and no temp file left", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const result = await store.put(chunked(bytes));
    expect(result).toEqual({ sha256: sha256sumOf(bytes), size: bytes.length });
    const file = path.join(store.blobDir, result.sha256.slice(0, 2), result.sha256.slice(2, 4), result.sha256);
    expect(store.pathOf(result.sha256)).toBe(file);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mode & 0o222).toBe(0);
    expect(tempFiles()).toEqual([]);
    expect(await store.exists(result.sha256)).toBe(true);
  });

  it("stores identical bytes once", async () => {
    const bytes = randomBytes(50_000);
    const first = await store.put(chunked(bytes, 7000));
    const staged = await store.stage(chunked(bytes, 9000));
    expect(staged.sha256).toBe(first.sha256);
    expect(await staged.commit()).toBe(false);
    await staged.discard();
    expect(listFiles(store.blobDir)).toHaveLength(1);
    expect(tempFiles()).toEqual([]);
  });

  it("never replaces bytes already stored under an address", async () => {
    const bytes = randomBytes(10_000);
    const { sha256 } = await store.put(chunked(bytes));
    const file = store.pathOf(sha256);
    fs.chmodSync(file, 0o640);
    fs.writeFileSync(file, "altered");
    const again = await store.stage(chunked(bytes));
    expect(await again.commit()).toBe(false);
    await again.discard();
    expect(fs.readFileSync(file, "utf8")).toBe("altered");
  });

  it("refuses more than maxBytes with payload_too_large and keeps nothing", async () => {
    const bytes = randomBytes(300_000);
    const error = await store.put(chunked(bytes, 65_536), { maxBytes: 200_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("payload_too_large");
    expect(tempFiles()).toEqual([]);
    expect(listFiles(store.blobDir)).toEqual([]);
  });

  it("accepts exactly maxBytes", async () => {
    const bytes = randomBytes(4096);
    await expect(store.put(chunked(bytes, 1000), { maxBytes: 4096 })).resolves.toMatchObject({ size: 4096 });
  });

  it("removes the temp file when the source fails midway", async () => {
    async function* broken() {
      yield randomBytes(100_000);
      throw new Error("connection reset");
    }
    await expect(store.put(broken())).rejects.toThrow("connection reset");
    expect(tempFiles()).toEqual([]);
    expect(listFiles(store.blobDir)).toEqual([]);
  });

  it("stops when the signal aborts and keeps nothing", async () => {
    const controller = new AbortController();
    async function* slow() {
      yield randomBytes(1000);
      controller.abort();
      await new Promise((r) => setTimeout(r, 50));
      yield randomBytes(1000);
    }
    await expect(store.put(slow(), { signal: controller.signal })).rejects.toThrow();
    expect(tempFiles()).toEqual([]);
    expect(listFiles(store.blobDir)).toEqual([]);
  });

  it("staged bytes are invisible until committed, and discard leaves nothing", async () => {
    const staged = await store.stage(chunked(randomBytes(5000)));
    expect(await store.exists(staged.sha256)).toBe(false);
    expect(tempFiles()).toHaveLength(1);
    await staged.discard();
    await staged.discard();
    expect(tempFiles()).toEqual([]);
    expect(await store.exists(staged.sha256)).toBe(false);
  });

  it("reads the whole file or an inclusive range", async () => {
    const bytes = randomBytes(2 * 1024 * 1024 + 5);
    const { sha256 } = await store.put(chunked(bytes));
    expect((await read(await store.get(sha256))).equals(bytes)).toBe(true);
    expect((await read(await store.get(sha256, { start: 10, end: 19 }))).equals(bytes.subarray(10, 20))).toBe(true);
    expect(
      (await read(await store.get(sha256, { start: bytes.length - 1, end: bytes.length - 1 }))).equals(
        bytes.subarray(-1),
      ),
    ).toBe(true);
  });

  it("answers not_found for missing bytes and removes idempotently", async () => {
    const { sha256 } = await store.put(chunked(randomBytes(100)));
    await store.remove(sha256);
    expect(await store.exists(sha256)).toBe(false);
    await expect(store.get(sha256)).rejects.toMatchObject({ code: "not_found" });
    await expect(store.remove(sha256)).resolves.toBeUndefined();
  });

  it("refuses anything but a SHA-256 as an address", async () => {
    for (const bad of ["../../etc/passwd", "A".repeat(64), "a".repeat(63), `${"a".repeat(62)}/x`]) {
      expect(() => store.pathOf(bad)).toThrow();
      await expect(store.exists(bad)).rejects.toThrow();
    }
  });

  it("cleans temp files whose names say no process older than an hour, and keeps newer ones", async () => {
    fs.mkdirSync(store.tmpDir, { recursive: true });
    const old = path.join(store.tmpDir, "old.part");
    const fresh = path.join(store.tmpDir, "fresh.part");
    fs.writeFileSync(old, "x");
    fs.writeFileSync(fresh, "y");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
    expect(await store.cleanupTemp()).toBe(1);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });

  it("cleans nothing when there is no temp folder yet", async () => {
    expect(await store.cleanupTemp()).toBe(0);
  });
});

describe("LocalBlobStore, the contract every store keeps", () => {
  blobStoreContract(() => ({ store, leftovers: async () => tempFiles() }));
});

describe("LocalBlobStore temp files of several processes", () => {
  const HEARTBEAT = 10_000;
  const me = {
    host: os.hostname(),
    pidns: fs.existsSync("/proc/self/ns/pid") ? fs.readlinkSync("/proc/self/ns/pid") : null,
  };
  const otherId = () => randomBytes(8).toString("hex");
  const partOf = (id: string) => path.join(store.tmpDir, `${id}-${randomUUID()}.part`);
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid;

  /** A temp file written just now (as a crash mid-upload leaves it), and optionally its process's lease. */
  function leftBy(lease: { pid: number; host?: string; pidns?: string | null; ageMs?: number } | null) {
    const id = otherId();
    fs.mkdirSync(store.lease.dir, { recursive: true });
    const file = partOf(id);
    fs.writeFileSync(file, randomBytes(1000));
    const leaseFile = path.join(store.lease.dir, `${id}.lease`);
    if (lease) {
      fs.writeFileSync(leaseFile, JSON.stringify({ host: me.host, pidns: me.pidns, ...lease }));
      const at = new Date(Date.now() - (lease.ageMs ?? 0));
      fs.utimesSync(leaseFile, at, at);
    }
    return { file, leaseFile };
  }

  it("after a process is killed mid-upload, removes its temp file at the next start however new it is", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join("lib", "testing", "upload-then-hang.ts"), store.root],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("writing") && resolve());
      child.on("exit", () => reject(new Error("the uploading process ended early")));
    });
    child.kill("SIGKILL");
    await exited;
    const [left] = tempFiles();
    expect(left && fs.statSync(left).size).toBeGreaterThan(0);
    expect(fs.readdirSync(store.lease.dir)).toHaveLength(1);
    // The restarted server: another process, with its own instance id.
    expect(await store.cleanupTemp()).toBe(1);
    expect(tempFiles()).toEqual([]);
    expect(fs.readdirSync(store.lease.dir)).toEqual([`${store.lease.id}.lease`]);
  });

  it("removes a brand-new temp file of a process with no lease or a lease older than three heartbeats, and that stale lease", async () => {
    const orphan = leftBy(null);
    const stale = leftBy({ pid: process.ppid, host: "another-machine", ageMs: 3 * HEARTBEAT + 5000 });
    expect(await store.cleanupTemp()).toBe(2);
    expect(fs.existsSync(orphan.file)).toBe(false);
    expect(fs.existsSync(stale.file)).toBe(false);
    expect(fs.existsSync(stale.leaseFile)).toBe(false);
  });

  it("removes at once the temp file of a process on this machine that no longer runs, though its lease is fresh", async () => {
    const crashed = leftBy({ pid: deadPid()! });
    // An earlier process that had this very pid (a container's pid 1) is gone too.
    const samePid = leftBy({ pid: process.pid });
    expect(await store.cleanupTemp()).toBe(2);
    expect([crashed, samePid].flatMap((l) => [l.file, l.leaseFile]).filter((f) => fs.existsSync(f))).toEqual([]);
  });

  it("keeps the temp files of live processes, on this machine or another, and this process's own upload in flight", async () => {
    const running = leftBy({ pid: process.ppid });
    const elsewhere = leftBy({ pid: 1, host: "another-machine", ageMs: 2 * HEARTBEAT });
    const bytes = randomBytes(20_000);
    const staged = await store.stage(chunked(bytes));
    const own = tempFiles().find((f) => path.basename(f).startsWith(`${store.lease.id}-`));
    expect(own).toBeDefined();
    expect(await store.cleanupTemp()).toBe(0);
    for (const f of [running.file, running.leaseFile, elsewhere.file, elsewhere.leaseFile, own!])
      expect(fs.existsSync(f)).toBe(true);
    expect(await staged.commit()).toBe(true);
    await staged.discard();
    expect(fs.readFileSync(store.pathOf(staged.sha256)).equals(bytes)).toBe(true);
  });

  it("keeps its lease fresh with a heartbeat, and writes it again if another process removed it", async () => {
    const quick = new LocalBlobStore({ root: store.root, instanceId: otherId(), heartbeatMs: 50 });
    await quick.put(chunked(randomBytes(100)));
    const first = fs.statSync(quick.lease.file).mtimeMs;
    await new Promise((r) => setTimeout(r, 200));
    expect(fs.statSync(quick.lease.file).mtimeMs).toBeGreaterThan(first);
    fs.rmSync(quick.lease.file);
    await new Promise((r) => setTimeout(r, 200));
    expect(fs.existsSync(quick.lease.file)).toBe(true);
  });
});
