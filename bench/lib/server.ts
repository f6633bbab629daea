import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { projectRoot } from "./config";

export const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-bench";
const nextJs = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

/** Builds the production app into the bench's own folder when there is no build yet (or when asked). */
export function ensureBuild(force: boolean): void {
  if (!force && fs.existsSync(path.join(projectRoot, DIST_DIR, "BUILD_ID"))) return;
  process.stdout.write(`Building the production app into ${DIST_DIR} (a minute or two)...\n`);
  const result = spawnSync(process.execPath, [nextJs, "build"], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR },
  });
  dropOwnTsconfigEntries();
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

/**
 * next build adds its dist folder's types to tsconfig "include"; that is not ours to change.
 * Only our own entries are taken out, so other builds' edits made meanwhile survive.
 */
function dropOwnTsconfigEntries(): void {
  const file = path.join(projectRoot, "tsconfig.json");
  const config = JSON.parse(fs.readFileSync(file, "utf8")) as { include?: string[] };
  const include = config.include?.filter((entry) => !entry.startsWith(`${DIST_DIR}/`));
  if (!include || include.length === config.include?.length) return;
  fs.writeFileSync(file, `${JSON.stringify({ ...config, include }, null, 2)}\n`);
}

/** The pids of a process and all its descendants (Linux /proc). */
function treePids(pid: number): number[] {
  const pids: number[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    try {
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
      pids.push(p);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return pids;
}

// Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) used so far by a process and all its descendants, in seconds. */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of treePids(pid)) {
    try {
      // Fields after the command name (which may hold spaces, so split after its closing paren).
      const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const p of treePids(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

export interface RunningServer {
  url: string;
  pid: number;
  /**
   * Runs `fn` while sampling the server's RSS every 50 ms; returns its result with the peak and the
   * starting RSS, and the CPU seconds the server's processes used meanwhile.
   */
  measure<T>(fn: () => Promise<T>): Promise<{ result: T; peakRss: number; startRss: number; cpuSeconds: number }>;
  stop(): Promise<void>;
}

export async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) before answering ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Where a started server's output goes (outside the project, so it is never committed). */
export function serverLogPath(name: string): string {
  return path.join(os.tmpdir(), `casework-bench-${name}.log`);
}

/** Starts a process that serves HTTP and waits until `healthPath` answers 200. */
export async function startServer(opts: {
  args: string[];
  port: number;
  env: NodeJS.ProcessEnv;
  healthPath: string;
  logName: string;
}): Promise<RunningServer> {
  const log = fs.openSync(serverLogPath(opts.logName), "w");
  const child = spawn(process.execPath, opts.args, { cwd: projectRoot, env: opts.env, stdio: ["ignore", log, log] });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitFor(`${url}${opts.healthPath}`, child);
  const pid = child.pid as number;
  return {
    url,
    pid,
    async measure(fn) {
      const startRss = treeRss(pid);
      const startCpu = treeCpuSeconds(pid);
      let peakRss = startRss;
      const timer = setInterval(() => (peakRss = Math.max(peakRss, treeRss(pid))), 50);
      try {
        const result = await fn();
        const cpuSeconds = treeCpuSeconds(pid) - startCpu;
        return { result, peakRss: Math.max(peakRss, treeRss(pid)), startRss, cpuSeconds };
      } finally {
        clearInterval(timer);
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await Promise.race([new Promise((r) => child.once("exit", r)), sleep(5_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
      fs.closeSync(log);
    },
  };
}

/**
 * The secrets every instance on PostgreSQL must share (lib/ops/shared-secrets.ts), kept in the
 * bench's data folder under the names an instance running alone gives them, so the data the loader
 * hashed and every server of a run agree. Made once when missing.
 */
export function benchSecrets(dataDir: string): { IDENTIFIER_HASH_KEY: string; SIGNING_KEY_FILE: string } {
  fs.mkdirSync(dataDir, { recursive: true });
  const hashKeyFile = path.join(dataDir, "identifier-hash-key");
  if (!fs.existsSync(hashKeyFile))
    fs.writeFileSync(hashKeyFile, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  const signingKeyFile = path.join(dataDir, "signing-key.pem");
  if (!fs.existsSync(signingKeyFile)) {
    const { privateKey } = generateKeyPairSync("ed25519");
    fs.writeFileSync(signingKeyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  }
  return {
    IDENTIFIER_HASH_KEY: process.env.IDENTIFIER_HASH_KEY ?? fs.readFileSync(hashKeyFile, "utf8").trim(),
    SIGNING_KEY_FILE: process.env.SIGNING_KEY_FILE ?? signingKeyFile,
  };
}

/** `next start` of the bench build, pointed at the bench database and data folder. */
export function startApp(
  port: number,
  databaseUrl: string,
  dataDir: string,
  authSecret: string,
): Promise<RunningServer> {
  return startServer({
    args: [nextJs, "start", "-p", String(port), "-H", "127.0.0.1"],
    port,
    healthPath: "/api/health",
    logName: `server-${port}`,
    // Load runs send thousands of requests a minute with one token: lift the per-token limit.
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      ...benchSecrets(dataDir),
      AUTH_SECRET: authSecret,
      AUTH_TRUST_HOST: "true",
      LOG_LEVEL: "warn",
      PORT: String(port),
      API_TOKEN_RATE_LIMIT: "100000000",
    },
  });
}
