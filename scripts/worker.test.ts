import { type ChildProcess, execFile, spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

// The real `npm run worker` in child processes, on a database of its own (a worker claims every
// due job, so it must not take the other test files' jobs). PostgreSQL only: the embedded
// database belongs to one process.
const base = inject("databaseUrl");
const onPostgres = base.startsWith("postgres");
const root = path.resolve(__dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

let sql: postgres.Sql;
let childEnv: NodeJS.ProcessEnv;
let dbName: string;
let admin: postgres.Sql;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  admin = postgres(base, { max: 1, onnotice: () => {} });
  dbName = `casework_worker_${Date.now()}_${process.pid}`;
  await admin.unsafe(`create database "${dbName}"`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-worker-"));
  const keyFile = path.join(dataDir, "shared-signing-key.pem");
  fs.writeFileSync(keyFile, generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }));
  childEnv = {
    ...process.env,
    DATABASE_URL: url.toString(),
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    IDENTIFIER_HASH_KEY: randomBytes(32).toString("base64url"),
    SIGNING_KEY_FILE: keyFile,
    JOB_LEASE_MS: "1500",
    SHUTDOWN_TIMEOUT_MS: "5000",
    LOG_LEVEL: "warn",
  };
  delete childEnv.TSA_URL;
  sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  if (!onPostgres) return;
  await sql.end();
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  fs.rmSync(childEnv.DATA_DIR!, { recursive: true, force: true });
});

function startWorker(extra: Record<string, string> = {}): ChildProcess {
  // Node itself (tsx as a loader) rather than the tsx wrapper, so a kill reaches the worker.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: { ...childEnv, ...extra },
    stdio: "ignore",
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

describe.skipIf(!onPostgres)("npm run worker", () => {
  it("finishes an export whose worker was killed mid-build, in a second worker once the lease runs out", async () => {
    const { stdout } = await promisify(execFile)(tsx, ["--conditions=react-server", "lib/testing/queue-export.ts"], {
      cwd: root,
      env: childEnv,
    });
    const exportId = stdout.trim().split("\n").pop()!;

    // A time-stamping authority that takes requests and never answers: the first worker's build
    // stops there, holding the job, until it is killed.
    let asked = false;
    const tsa = http.createServer(() => (asked = true));
    await new Promise<void>((resolve) => tsa.listen(0, "127.0.0.1", resolve));
    const tsaUrl = `http://127.0.0.1:${(tsa.address() as AddressInfo).port}/`;
    try {
      const first = startWorker({ TSA_URL: tsaUrl });
      await vi.waitFor(() => expect(asked).toBe(true), { timeout: 60_000, interval: 200 });
      const [held] = await sql`select status, attempts from jobs where kind = 'export.build' and key = ${exportId}`;
      expect(held).toMatchObject({ status: "running", attempts: 1 });
      first.kill("SIGKILL");
      await exited(first);
    } finally {
      tsa.closeAllConnections();
      tsa.close();
    }

    const second = startWorker();
    await vi.waitFor(
      async () => {
        const [row] = await sql`select status, error from exports where id = ${exportId}`;
        expect(row?.status, row?.error).toBe("done");
      },
      { timeout: 60_000, interval: 250 },
    );
    const [job] = await sql`select status, attempts from jobs where kind = 'export.build' and key = ${exportId}`;
    expect(job).toMatchObject({ status: "done", attempts: 2 });
    expect(fs.existsSync(path.join(childEnv.DATA_DIR!, "exports", `${exportId}.zip`))).toBe(true);

    // SIGTERM: the worker stops claiming and exits cleanly.
    second.kill("SIGTERM");
    expect(await exited(second)).toBe(0);
  }, 150_000);

  it("refuses to start on PostgreSQL without the shared secrets, saying how to make each", async () => {
    const env = { ...childEnv };
    delete env.AUTH_SECRET;
    delete env.SIGNING_KEY_FILE;
    const result = await promisify(execFile)(tsx, ["--conditions=react-server", "scripts/worker.ts"], {
      cwd: root,
      env,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(result?.code).toBe(1);
    expect(result?.stderr).toContain("AUTH_SECRET");
    expect(result?.stderr).toContain("openssl rand -base64 32");
    expect(result?.stderr).toContain("SIGNING_KEY_FILE");
    expect(result?.stderr).toContain("openssl genpkey -algorithm ed25519");
    expect(result?.stderr).not.toContain("IDENTIFIER_HASH_KEY");
  }, 60_000);
});
