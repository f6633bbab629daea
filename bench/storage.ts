/**
 * The blob stores against the machine's own tools, in one run: 1 GiB (TOTAL_MB) put into and read
 * back from the local folder store, and from the S3 store when S3_ENDPOINT and S3_BUCKET are set
 * (`bash scripts/s3-server.sh start` runs one), beside `sha256sum file`, `cat file | sha256sum`
 * and `openssl dgst -sha256 file` over the same file.
 *
 *   npm run bench:storage            (or TOTAL_MB=256 npm run bench:storage)
 *
 * A put reads the file, hashes it and writes it (to disk, or over HTTP to the server); a get
 * streams it back and hashes it, as a download that is checked would. All reads come from a warm
 * page cache (the file was just written). Ratios are the store's throughput over sha256sum's.
 * Everything is removed at the end.
 */
import { execSync } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";

const MiB = 1024 * 1024;
const totalMb = Number(process.env.TOTAL_MB ?? 1024);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "casework-bench-storage-"));
process.env.DATA_DIR = path.join(work, "data");
process.env.LOG_LEVEL = "warn";

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return seconds(start);
}

async function hashStream(stream: Readable): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function main(): Promise<void> {
  const { env } = await import("@/lib/env");
  const { LocalBlobStore, S3BlobStore, s3Client } = await import("@/lib/storage");
  const file = path.join(work, "input.bin");
  const block = Buffer.alloc(8 * MiB);
  const fd = fs.openSync(file, "w");
  for (let written = 0; written < totalMb * MiB; written += block.length) fs.writeSync(fd, randomFillSync(block));
  fs.closeSync(fd);
  const sh = (command: string) => execSync(command, { encoding: "utf8", shell: "/bin/bash" });
  const expected = sh(`sha256sum ${file}`).split(" ")[0];

  const rows: { name: string; s: number }[] = [];
  rows.push({ name: "sha256sum file", s: await timed(() => sh(`sha256sum ${file}`)) });
  rows.push({ name: "cat file | sha256sum", s: await timed(() => sh(`cat ${file} | sha256sum`)) });
  rows.push({ name: "openssl dgst -sha256 file", s: await timed(() => sh(`openssl dgst -sha256 ${file}`)) });

  const stores = [{ label: "local", store: new LocalBlobStore({ root: path.join(work, "data") }) }] as {
    label: string;
    store: InstanceType<typeof LocalBlobStore> | InstanceType<typeof S3BlobStore>;
  }[];
  if (env.S3_ENDPOINT && env.S3_BUCKET)
    stores.push({ label: "s3", store: new S3BlobStore(s3Client(env), env.S3_BUCKET, path.join(work, "tmp")) });
  for (const { label, store } of stores) {
    let sha256 = "";
    rows.push({
      name: `${label} put (hash + store)`,
      s: await timed(async () => {
        sha256 = (await store.put(fs.createReadStream(file, { highWaterMark: MiB }))).sha256;
      }),
    });
    if (sha256 !== expected) throw new Error(`${label}: put hashed ${sha256}, sha256sum says ${expected}`);
    rows.push({
      name: `${label} get (stream + hash)`,
      s: await timed(async () => {
        const got = await hashStream(await store.get(sha256));
        if (got !== expected) throw new Error(`${label}: read back ${got}, expected ${expected}`);
      }),
    });
    await store.remove(sha256);
  }
  if (stores.length === 1)
    console.log("S3 store skipped: set S3_ENDPOINT and S3_BUCKET (bash scripts/s3-server.sh start)");

  const baseline = rows[0]!.s;
  console.log(`\n${totalMb} MiB, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log("what".padEnd(32), "seconds".padStart(8), "MB/s".padStart(8), "x sha256sum".padStart(12));
  for (const { name, s } of rows)
    console.log(
      name.padEnd(32),
      s.toFixed(2).padStart(8),
      (totalMb / s).toFixed(0).padStart(8),
      (baseline / s).toFixed(2).padStart(12),
    );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(work, { recursive: true, force: true }));
