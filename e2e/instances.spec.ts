import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import postgres from "postgres";

/*
 * Two instances of the built app on one PostgreSQL database and one S3 bucket, each with its own
 * empty data folder, as several instances run behind a load balancer. They get a database of their
 * own: their job workers claim every due job, and the suite's server keeps its evidence in a folder
 * they do not share. Runs where the suite has both (`.ci/run` starts PostgreSQL and the S3 server).
 */
const base = process.env.DATABASE_URL ?? "";
const haveBoth = base.startsWith("postgres") && Boolean(process.env.S3_ENDPOINT);
const root = path.resolve(__dirname, "..");
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

interface Instance {
  url: string;
  dataDir: string;
  process: ChildProcess;
  api: APIRequestContext;
}

let admin: postgres.Sql;
let dbName: string;
let env: NodeJS.ProcessEnv;
let token: string;
const instances: Instance[] = [];

async function startInstance(port: number): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `casework-instance-${port}-`));
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...env, DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const api = await request.newContext({ baseURL: url, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  await expect(async () => {
    const ready = await api.get("/api/health/ready", { timeout: 2_000 });
    expect(ready.status()).toBe(200);
  }).toPass({ timeout: 90_000 });
  return { url, dataDir, process: child, api };
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((e) => (e.isFile() ? [path.relative(dir, path.join(e.parentPath, e.name))] : []));
}

test.describe("several instances on one database and one bucket", () => {
  test.skip(!haveBoth, "needs PostgreSQL in DATABASE_URL and an S3 server in S3_ENDPOINT (.ci/run starts both)");
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    admin = postgres(base, { max: 1, onnotice: () => {} });
    dbName = `casework_instances_${Date.now()}_${process.pid}`;
    await admin.unsafe(`create database "${dbName}"`);
    const url = new URL(base);
    url.pathname = `/${dbName}`;
    const secrets = fs.mkdtempSync(path.join(os.tmpdir(), "casework-instances-"));
    const keyFile = path.join(secrets, "shared-signing-key.pem");
    fs.writeFileSync(keyFile, generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }));
    env = {
      ...process.env,
      DATABASE_URL: url.toString(),
      STORAGE: "s3",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      IDENTIFIER_HASH_KEY: randomBytes(32).toString("base64url"),
      SIGNING_KEY_FILE: keyFile,
      // A job whose instance died is taken over after this long.
      JOB_LEASE_MS: "3000",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
    };
    const cli = (args: string[]) =>
      execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/cli.ts", ...args], {
        cwd: root,
        env: { ...env, DATA_DIR: secrets },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      }).trim();
    const email = `lead-${randomBytes(4).toString("hex")}@example.test`;
    cli([
      "user",
      "add",
      "--email",
      email,
      "--name",
      "Instance Lead",
      "--role",
      "investigator",
      `--password=${randomBytes(18).toString("base64url")}`,
    ]);
    token = cli(["token", "create", "--email", email, "--name", "instances"]).split("\n").pop() ?? "";
    instances.push(await startInstance(3201), await startInstance(3202));
  });

  test.afterAll(async () => {
    for (const i of instances) {
      i.process.kill("SIGKILL");
      await i.api.dispose();
    }
    await admin?.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin?.end();
  });

  test("evidence uploaded on one instance downloads byte for byte from the other, which keeps nothing in its folder", async () => {
    const [a, b] = instances as [Instance, Instance];
    const created = await a.api.post("/api/cases", { data: { title: "Across instances" } });
    expect(created.status(), await created.text()).toBe(201);
    const caseId = ((await created.json()) as { id: string }).id;
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const upload = await a.api.post(`/api/cases/${caseId}/evidence`, {
      multipart: {
        title: "Laptop shipment",
        file: { name: "shipment.bin", mimeType: "application/octet-stream", buffer: bytes },
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const item = (await upload.json()) as { id: string; sha256: string };
    expect(item.sha256).toBe(sha256(bytes));

    const download = await b.api.get(`/api/evidence/${item.id}/content`);
    expect(download.status()).toBe(200);
    expect(sha256(await download.body())).toBe(item.sha256);
    const verified = await b.api.post(`/api/evidence/${item.id}/verify`);
    expect(verified.status(), await verified.text()).toBe(200);
    expect(await verified.json()).toMatchObject({ ok: true });
    // Nothing of the evidence on either instance's own disk: both went to the bucket.
    for (const i of instances) expect(filesUnder(i.dataDir).filter((f) => f.startsWith("evidence"))).toEqual([]);
  });

  test("a change made on one instance shows at once in the other's networks list", async () => {
    const [a, b] = instances as [Instance, Instance];
    const created = await a.api.post("/api/cases", { data: { title: "Networks across instances" } });
    const caseId = ((await created.json()) as { id: string }).id;
    const persona = async (name: string) => {
      const made = await a.api.post(`/api/cases/${caseId}/personas`, {
        data: { persona: { displayName: name }, role: "subject" },
      });
      expect(made.status(), await made.text()).toBe(201);
      return ((await made.json()) as { id: string }).id;
    };
    const first = await persona(`Dana ${randomBytes(3).toString("hex")}`);
    const second = await persona(`Lee ${randomBytes(3).toString("hex")}`);
    // B computes and caches its networks before the change.
    const before = await b.api.get(`/api/networks?personaId=${first}`);
    expect(((await before.json()) as { items: unknown[] }).items).toEqual([]);

    const shared = `payroll.${randomBytes(4).toString("hex")}@example.com`;
    for (const id of [first, second]) {
      const added = await a.api.post(`/api/personas/${id}/identifiers`, { data: { type: "email", value: shared } });
      expect(added.status(), await added.text()).toBe(201);
    }
    await expect(async () => {
      const after = await b.api.get(`/api/networks?personaId=${first}`);
      const body = (await after.json()) as { items: { members: { id: string }[] }[] };
      expect(body.items.flatMap((n) => n.members.map((m) => m.id)).sort()).toEqual([first, second].sort());
    }).toPass({ timeout: 3_000 });
  });

  test("an export started on one instance is finished by the other after the first is killed", async () => {
    test.setTimeout(120_000);
    const [a, b] = instances as [Instance, Instance];
    const created = await a.api.post("/api/cases", { data: { title: "Export across instances" } });
    const caseId = ((await created.json()) as { id: string }).id;
    const upload = await a.api.post(`/api/cases/${caseId}/evidence`, {
      multipart: {
        title: "Pay slips",
        file: { name: "slips.bin", mimeType: "application/octet-stream", buffer: randomBytes(1024 * 1024) },
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const started = await a.api.post(`/api/cases/${caseId}/exports`, { data: {} });
    expect(started.status(), await started.text()).toBe(202);
    const exportId = ((await started.json()) as { id: string }).id;
    a.process.kill("SIGKILL");

    let done: { status: string; sha256: string | null } = { status: "queued", sha256: null };
    await expect(async () => {
      done = (await (await b.api.get(`/api/exports/${exportId}`)).json()) as typeof done;
      expect(done.status).toBe("done");
    }).toPass({ timeout: 90_000 });
    const pack = await b.api.get(`/api/exports/${exportId}/download`);
    expect(pack.status()).toBe(200);
    expect(sha256(await pack.body())).toBe(done.sha256);
  });
});
