// `npm start`: build when there is no build, prepare the database (demo data on a fresh embedded
// one), then run `next start` as a child. A newcomer's `npm install && npm start` just works.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runScript } from "./support/run";

const root = process.cwd();
const onWindows = process.platform === "win32";
const nextBin = path.join(root, "node_modules", ".bin", onWindows ? "next.cmd" : "next");

/** Next's anonymous telemetry stays off: the app runs on investigators' machines. */
const quietEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  ...extra,
});

function buildIfNeeded(): void {
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  process.stdout.write("No production build yet: running `next build` first (a minute or so)...\n");
  const result = spawnSync(nextBin, ["build"], { stdio: "inherit", shell: onWindows, env: quietEnv() });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `next build failed (${result.status === null ? `signal ${result.signal}` : `exit code ${result.status}`})`,
    );
}

/** Migrates, seeds the demo data where wanted, and closes again so the server can take the embedded database's lock. */
async function prepareDatabase(): Promise<void> {
  const { closeDb, ready } = await import("@/db");
  const { env } = await import("@/lib/env");
  const { describeDatabase } = await import("./support/database");
  try {
    await ready();
    process.stdout.write(`Database ready: ${describeDatabase()}\n`);
    if (env.DATABASE_URL?.startsWith("memory://")) {
      process.stdout.write("memory:// lives only as long as one process: nothing is seeded for the server.\n");
      return;
    }
    // The embedded database is the try-it-out path; a real server gets demo data only on request.
    if (env.DATABASE_URL && !env.SEED_DEMO) return;
    const { seedDemo } = await import("@/lib/seed/demo");
    const { formatDemoLogins } = await import("@/lib/seed/users");
    const result = await seedDemo();
    if (result.seeded)
      process.stdout.write(
        `\nDemo data created. Sign in with one of these accounts:\n\n${formatDemoLogins(result.logins)}\n\n`,
      );
    // On every start until each is changed (Account page) or disabled: these passwords are public.
    const { demoAccountsOnPublishedPasswords } = await import("@/lib/seed/demo-reminder");
    const published = await demoAccountsOnPublishedPasswords();
    if (published.length > 0)
      process.stdout.write(
        `These demo accounts still use their published passwords: ${published.join(", ")}. Change them on the ` +
          "Account page (or disable the accounts) before anyone else can reach this server.\n\n",
      );
  } finally {
    await closeDb();
  }
}

async function announceWhenReady(port: number, host: string, child: ChildProcess): Promise<void> {
  // Every interface includes this machine's loopback; a named address answers only there.
  const local = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const shown = local === "127.0.0.1" ? "localhost" : local;
  const running = () => child.exitCode === null && child.signalCode === null;
  const deadline = Date.now() + 120_000;
  while (running() && Date.now() < deadline) {
    try {
      const response = await fetch(`http://${local.includes(":") ? `[${local}]` : local}:${port}/api/health`, {
        signal: AbortSignal.timeout(5_000),
      });
      if (response.ok) {
        process.stdout.write(`\nCasework is running at http://${shown}:${port}\n\n`);
        return;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  if (running())
    process.stdout.write(
      `\nCasework is starting at http://${shown}:${port} (its health check has not answered yet)\n\n`,
    );
}

function runServer(secret: string, port: number, host: string): Promise<number> {
  const child = spawn(nextBin, ["start", "-p", String(port), "-H", host], {
    stdio: "inherit",
    shell: onWindows,
    // `next start` answers on whatever host it is reached at, which Auth.js refuses
    // (UntrustedHost) unless told to trust it; set AUTH_URL to pin the public address.
    env: quietEnv({ AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", PORT: String(port) }),
  });
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  void announceWhenReady(port, host, child);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

void runScript(async () => {
  // Before anything is built or generated: on PostgreSQL the shared secrets must be configured.
  const { requireSharedSecrets } = await import("@/lib/ops/shared-secrets");
  requireSharedSecrets();
  buildIfNeeded();
  const { authSecret } = await import("@/lib/auth/secret");
  const { env } = await import("@/lib/env");
  // Created in the data folder on first start when AUTH_SECRET is unset, so sessions survive restarts.
  const secret = authSecret();
  await prepareDatabase();
  if (env.HOST !== "127.0.0.1" && env.HOST !== "localhost")
    process.stdout.write(`Listening on ${env.HOST}: reachable from other machines.\n`);
  return runServer(secret, env.PORT, env.HOST);
});
