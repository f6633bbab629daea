/**
 * The audit chain's one head (lib/audit/record.ts: every audited write updates the audit_head row
 * and inserts its event in one statement, the row lock held to commit), measured with several
 * processes as with several instances: WRITERS concurrent transactions per process for SECONDS, in
 * 1 and then 2 processes, each transaction the smallest audited write (one audit event). Beside it,
 * in the same run, the same transaction without the chain (an insert into a scratch table with the
 * same columns): what the one chain costs.
 *
 *   DATABASE_URL=postgres://…/some_local_db npm run bench:audit-lock
 *
 * Runs on a database of its own, created beside DATABASE_URL and dropped afterwards.
 */
import { spawn } from "node:child_process";

const SECONDS = Number(process.env.SECONDS ?? 8);
const WRITERS = Number(process.env.WRITERS ?? 8);

async function child(mode: "audit" | "plain"): Promise<void> {
  const { randomUUID } = await import("node:crypto");
  const { db, ready, closeDb, sql } = await import("@/db");
  const { recordAudit } = await import("@/lib/audit/record");
  await ready();
  const until = Date.now() + SECONDS * 1000;
  let done = 0;
  const writer = async () => {
    while (Date.now() < until) {
      await db.transaction(async (tx) => {
        if (mode === "audit")
          await recordAudit(tx, { actor: null, action: "bench.write", entityType: "bench", entityId: randomUUID() });
        else await tx.execute(sql`insert into bench_plain (id, at) values (${randomUUID()}, now())`);
      });
      done++;
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  process.stdout.write(`${done}\n`);
  await closeDb();
}

function runProcesses(count: number, mode: "audit" | "plain", env: NodeJS.ProcessEnv): Promise<number> {
  const runs = Array.from(
    { length: count },
    () =>
      new Promise<number>((resolve, reject) => {
        const p = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", __filename, "child", mode], {
          env,
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        p.stdout.on("data", (d: Buffer) => (out += d.toString()));
        p.on("exit", (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`child exit ${code}`))));
      }),
  );
  return Promise.all(runs).then((n) => n.reduce((a, b) => a + b, 0) / SECONDS);
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base?.startsWith("postgres")) throw new Error("Set DATABASE_URL to a local PostgreSQL database");
  const postgres = (await import("postgres")).default;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const name = `casework_bench_lock_${Date.now()}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: "warn" };
  try {
    const setup = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await setup.unsafe("create table bench_plain (id uuid primary key, at timestamptz not null)");
    await setup.end();
    // Migrate once before the timed runs.
    await runProcessesOnce(env);
    const rows: string[] = [];
    for (const procs of [1, 2]) {
      const plain = await runProcesses(procs, "plain", env);
      const audit = await runProcesses(procs, "audit", env);
      rows.push(
        `${procs} process(es) x ${WRITERS} writers: audited ${audit.toFixed(0)}/s, ` +
          `same transaction without the lock ${plain.toFixed(0)}/s (${(audit / plain).toFixed(2)} x)`,
      );
    }
    process.stdout.write(`audited writes per second over ${SECONDS} s\n${rows.join("\n")}\n`);
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function runProcessesOnce(env: NodeJS.ProcessEnv): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", __filename, "migrate"], {
      env,
      stdio: "inherit",
    });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`migrate exit ${code}`))));
  });
}

const [, , role, mode] = process.argv;
if (role === "child") void child(mode === "plain" ? "plain" : "audit");
else if (role === "migrate")
  void import("@/db").then(async ({ ready, closeDb }) => {
    await ready();
    await closeDb();
  });
else
  void main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
