/**
 * The Playwright suite against a production build: builds, prepares a fresh database (the
 * PostgreSQL in DATABASE_URL, else an embedded one in a temporary folder), creates this run's
 * admin with the operator CLI, then runs Playwright, which starts `next start` on that database.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(
    `No Chromium at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) ` +
      `or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
  process.exit(1);
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-e2e-"));
// The shared secrets a server on PostgreSQL refuses to start without, as a deployment sets them.
const signingKeyFile = path.join(tempDir, "shared-signing-key.pem");
fs.writeFileSync(
  signingKeyFile,
  generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  { mode: 0o600 },
);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: tempDir,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  IDENTIFIER_HASH_KEY: randomBytes(32).toString("base64url"),
  SIGNING_KEY_FILE: signingKeyFile,
  AUTH_TRUST_HOST: "true",
  CHROMIUM_PATH: chromium,
  NODE_ENV: "production",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};

function run(command: string, args: string[], extra: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extra }, stdio: "inherit" });
  if (result.status !== 0)
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${result.status})`);
}

function cli(args: string[]): string {
  return execFileSync(bin("tsx"), ["--conditions=react-server", "scripts/cli.ts", ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

let status = 1;
try {
  if (!process.argv.includes("--no-build")) run(bin("next"), ["build"]);
  const admin = {
    email: `e2e-admin-${randomUUID().slice(0, 8)}@example.test`,
    password: randomBytes(18).toString("base64url"),
  };
  // --password=value: a random password may start with "-", which would read as an option.
  cli([
    "user",
    "add",
    "--email",
    admin.email,
    "--name",
    "E2E Admin",
    "--role",
    "admin",
    `--password=${admin.password}`,
  ]);
  const token = cli(["token", "create", "--email", admin.email, "--name", "e2e"]).split("\n").pop() ?? "";
  const passthrough = process.argv.slice(2).filter((a) => a !== "--no-build");
  const result = spawnSync(bin("playwright"), ["test", ...passthrough], {
    cwd: root,
    env: { ...env, E2E_ADMIN_EMAIL: admin.email, E2E_ADMIN_PASSWORD: admin.password, E2E_ADMIN_TOKEN: token },
    stdio: "inherit",
  });
  status = result.status ?? 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  fs.rmSync(tempDir, { recursive: true, force: true });
}
process.exit(status);
