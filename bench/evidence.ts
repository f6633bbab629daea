/**
 * Evidence upload and download through the HTTP API, against `sha256sum` and `cat` on the same file.
 *
 *   npx tsx bench/evidence.ts
 *
 * Builds the production app into NEXT_DIST_DIR (default .next-ev) if it has no build, starts
 * `next start` on E2E_PORT (default 3201) with a fresh data folder and embedded database, makes
 * an admin and an API token with the operator CLI, then:
 *   1. writes a SIZE_MB (default 1024) file into a temp folder and times `sha256sum` on it;
 *   2. uploads it as multipart to POST /api/cases/{id}/evidence, sampling the server's resident
 *      memory (VmRSS of `next start` and its children, from /proc) every 25 ms;
 *   3. downloads it from GET /api/evidence/{id}/content (which re-hashes as it streams), hashing
 *      on the client too, against `cat file > /dev/null` plus `sha256sum`.
 * To measure a server that is already running instead: BASE_URL=http://host:port TOKEN=<admin
 * API token> [SERVER_PID=<pid> for memory] npx tsx bench/evidence.ts
 * Targets (from the issue): upload >= 70% of sha256sum throughput, RSS growth <= 100 MB, download
 * >= 70% of cat + sha256sum. Everything it creates is removed at the end.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const root = path.resolve(__dirname, "..");
const distDir = process.env.NEXT_DIST_DIR ?? ".next-ev";
const port = Number(process.env.E2E_PORT ?? 3201);
const sizeMb = Number(process.env.SIZE_MB ?? 1024);
const MiB = 1024 * 1024;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "casework-bench-evidence-"));

function seconds<T>(fn: () => T): { result: T; s: number } {
  const start = process.hrtime.bigint();
  const result = fn();
  return { result, s: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Resident memory of a process and all its descendants (next start runs the server as a child). */
function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) * 1024;
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // Gone between listing and reading.
    }
  }
  return total;
}

function makeFile(file: string): void {
  // A random 16 MiB block, varied per copy, so nothing compresses or deduplicates.
  const block = randomBytes(16 * MiB);
  const fd = fs.openSync(file, "w");
  for (let i = 0; i < sizeMb / 16; i++) {
    block.writeUInt32LE(i, 0);
    fs.writeSync(fd, block);
  }
  fs.closeSync(fd);
}

interface Server {
  baseUrl: string;
  token: string;
  pid: number | null;
  stop: () => void;
}

async function startServer(): Promise<Server> {
  if (process.env.BASE_URL && process.env.TOKEN) {
    return {
      baseUrl: process.env.BASE_URL,
      token: process.env.TOKEN,
      pid: process.env.SERVER_PID ? Number(process.env.SERVER_PID) : null,
      stop: () => {},
    };
  }
  const env = {
    ...process.env,
    NEXT_DIST_DIR: distDir,
    DATA_DIR: path.join(work, "data"),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  } as NodeJS.ProcessEnv;
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    const tsconfig = fs.readFileSync(path.join(root, "tsconfig.json"), "utf8");
    const built = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, env, stdio: "inherit" });
    fs.writeFileSync(path.join(root, "tsconfig.json"), tsconfig); // next build adds its folder to "include"
    if (built.status !== 0) throw new Error("next build failed");
  }
  const cli = (args: string[]) =>
    execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/cli.ts", ...args], {
      cwd: root,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  const email = `bench-${Date.now()}@example.test`;
  cli([
    "user",
    "add",
    "--email",
    email,
    "--name",
    "Bench Admin",
    "--role",
    "admin",
    // --password=value: a random password may start with "-", which would read as an option.
    `--password=${randomBytes(18).toString("base64url")}`,
  ]);
  const token = cli(["token", "create", "--email", email, "--name", "bench"]).split("\n").pop() ?? "";
  const child: ChildProcess = spawn(
    path.join(root, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(250);
  }
  return { baseUrl, token, pid: child.pid ?? null, stop: () => child.kill("SIGTERM") };
}

/** Streams the file as one multipart part with a known Content-Length; never holds it in memory. */
function upload(server: Server, caseId: string, file: string): Promise<{ status: number; body: string }> {
  const boundary = `----bench${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBench upload\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + fs.statSync(file).size + tail.length;
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.baseUrl}/api/cases/${caseId}/evidence`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${server.token}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": length,
      },
    });
    req.on("response", (res) => {
      let body = "";
      res
        .setEncoding("utf8")
        .on("data", (c: string) => (body += c))
        .on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.write(head);
    const source = fs.createReadStream(file, { highWaterMark: MiB });
    source.on("error", reject).on("end", () => req.end(tail));
    source.pipe(req, { end: false });
  });
}

/** Downloads and hashes on the client as well, so the figure includes proof the bytes arrived intact. */
function download(server: Server, id: string): Promise<{ bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(
        `${server.baseUrl}/api/evidence/${id}/content`,
        { headers: { authorization: `Bearer ${server.token}` } },
        (res) => {
          const hash = createHash("sha256");
          let bytes = 0;
          res.on("data", (c: Buffer) => {
            bytes += c.length;
            hash.update(c);
          });
          res.on("end", () => resolve({ bytes, sha256: hash.digest("hex") }));
          res.on("error", reject);
        },
      )
      .on("error", reject);
  });
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ result: T; s: number }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { result, s: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function main(): Promise<void> {
  const file = path.join(work, "evidence.bin");
  process.stdout.write(`Writing a ${sizeMb} MiB file...\n`);
  makeFile(file);
  const bytes = fs.statSync(file).size;
  const sum = seconds(() => execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0] ?? "");
  const cat = seconds(() => execFileSync("sh", ["-c", `cat '${file}' > /dev/null`]));

  const server = await startServer();
  try {
    const auth = { authorization: `Bearer ${server.token}`, "content-type": "application/json" };
    const created = await fetch(`${server.baseUrl}/api/cases`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ title: "Evidence benchmark" }),
    });
    if (created.status !== 201)
      throw new Error(`creating the case answered ${created.status}: ${await created.text()}`);
    const { id: caseId } = (await created.json()) as { id: string };

    const startRss = server.pid ? treeRss(server.pid) : 0;
    let peakRss = startRss;
    const sampler = setInterval(() => server.pid && (peakRss = Math.max(peakRss, treeRss(server.pid))), 25);
    const up = await timeAsync(() => upload(server, caseId, file));
    clearInterval(sampler);
    if (up.result.status !== 201)
      throw new Error(`upload answered ${up.result.status}: ${up.result.body.slice(0, 300)}`);
    const item = JSON.parse(up.result.body) as { id: string; sha256: string; size: number };
    if (item.sha256 !== sum.result || item.size !== bytes)
      throw new Error("the stored hash or size differs from sha256sum");

    const down = await timeAsync(() => download(server, item.id));
    if (down.result.sha256 !== sum.result || down.result.bytes !== bytes)
      throw new Error("the downloaded bytes differ");

    const mbps = (s: number) => bytes / MiB / s;
    const rows: [string, string, string][] = [
      ["sha256sum", `${sum.s.toFixed(2)} s`, `${mbps(sum.s).toFixed(0)} MiB/s`],
      ["upload via API (hash + fsync)", `${up.s.toFixed(2)} s`, `${mbps(up.s).toFixed(0)} MiB/s`],
      ["cat > /dev/null + sha256sum", `${(cat.s + sum.s).toFixed(2)} s`, `${mbps(cat.s + sum.s).toFixed(0)} MiB/s`],
      ["download via API (verified)", `${down.s.toFixed(2)} s`, `${mbps(down.s).toFixed(0)} MiB/s`],
    ];
    process.stdout.write(`\nEvidence benchmark: ${sizeMb} MiB, ${os.cpus().length} cores, Node ${process.version}\n\n`);
    for (const [what, time, rate] of rows)
      process.stdout.write(`${what.padEnd(32)} ${time.padStart(9)} ${rate.padStart(12)}\n`);
    const upRatio = sum.s / up.s;
    const downRatio = (cat.s + sum.s) / down.s;
    process.stdout.write(`\nupload / sha256sum throughput:           ${(upRatio * 100).toFixed(0)}% (target >= 70%)\n`);
    process.stdout.write(`download / (cat + sha256sum) throughput: ${(downRatio * 100).toFixed(0)}% (target >= 70%)\n`);
    if (server.pid) {
      const growth = (peakRss - startRss) / MiB;
      process.stdout.write(
        `server RSS: ${(startRss / MiB).toFixed(0)} MiB before, ${(peakRss / MiB).toFixed(0)} MiB peak, growth ${growth.toFixed(0)} MiB (target <= 100 MB)\n`,
      );
    } else {
      process.stdout.write("server RSS: not measured (set SERVER_PID)\n");
    }
  } finally {
    server.stop();
    await sleep(500);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
