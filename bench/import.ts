/**
 * Bulk import: ROWS applicants (default 100,000), each with a name, an e-mail, a phone and a
 * wallet (three identifiers), imported as a CSV through the app's import (the same job
 * POST /api/imports queues, run in this process), beside a plain COPY of the same file into a
 * table of five text columns in the same run: a ratio survives a noisy machine.
 *
 *   npm run bench:import                               (an in-memory embedded database)
 *   DATABASE_URL=postgres://… npm run bench:import     (a local PostgreSQL database; it adds rows)
 *
 * Targets from the issue: at most 60 s, and at least 0.3 x the rows per second of the COPY.
 * The import is timed from the upload to the last row written (checking, normalising, matching
 * by key, writing personas, case links, identifiers and claims, sanctions screening, audit).
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

process.env.DATABASE_URL ??= "memory://";
process.env.LOG_LEVEL ??= "warn";
const ownDataDir = process.env.DATA_DIR
  ? null
  : fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "casework-bench-import-"));
process.env.DATA_DIR ??= ownDataDir!;

const ROWS = Number(process.env.ROWS ?? 100_000);

interface PgliteLike {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}
interface PostgresLike {
  unsafe(sql: string): { writable(): Promise<NodeJS.WritableStream> };
}

async function main() {
  const { randomBytes } = await import("node:crypto");
  const { db, ready, databaseKind } = await import("@/db");
  const { sql } = await import("drizzle-orm");
  const { createUser } = await import("@/lib/users/users");
  const { createCase } = await import("@/lib/cases/create-case");
  const { startImport } = await import("@/lib/imports/start-import");
  const { getImport } = await import("@/lib/imports/get-import");
  const { drainJobs } = await import("@/lib/jobs/worker");
  await ready();
  console.log(`database: ${databaseKind()}, ${ROWS.toLocaleString()} rows`);

  const tag = randomBytes(3).toString("hex");
  const lines = ["applicant_id,full_name,email,mobile,wallet"];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `${tag}-${i},Bench Applicant ${i},applicant.${tag}.${i}@example.test,+1 202 555 ${String(i % 10_000).padStart(4, "0")},0x${randomBytes(20).toString("hex")}`,
    );
  const csv = `${lines.join("\n")}\n`;
  console.log(`file: ${(csv.length / 1048576).toFixed(1)} MB`);

  // The baseline: the same bytes straight into a table, no checks, no normalising, no relations.
  await db.execute(
    sql.raw(
      "create table if not exists bench_import_copy (applicant_id text, full_name text, email text, mobile text, wallet text)",
    ),
  );
  await db.execute(sql.raw("truncate bench_import_copy"));
  const copyStart = performance.now();
  if (databaseKind() === "pglite")
    await ((db as unknown as { $client: unknown }).$client as PgliteLike).query(
      "copy bench_import_copy from '/dev/blob' with (format csv, header true)",
      [],
      {
        blob: new Blob([csv]),
      },
    );
  else {
    // A connection of its own: COPY FROM STDIN streams, which the app's query builder does not.
    const { default: postgres } = await import("postgres");
    const direct = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const target = await (direct as unknown as PostgresLike)
      .unsafe("copy bench_import_copy from stdin with (format csv, header true)")
      .writable();
    await pipeline(Readable.from([csv]), target);
    await direct.end();
  }
  const copyMs = performance.now() - copyStart;
  await db.execute(sql.raw("drop table bench_import_copy"));

  const user = await createUser({
    actor: null,
    input: {
      email: `bench-import-${tag}@example.test`,
      name: "Bench Import",
      role: "admin",
      password: randomBytes(18).toString("base64url"),
    },
  });
  const actor = { id: user.id, email: user.email, name: user.name, role: user.role, via: "cli" as const };
  const kase = await createCase({ actor, input: { title: `Bench import ${tag}` } });
  const mapping = {
    source: `bench-${tag}`,
    key: "applicant_id",
    columns: { full_name: "displayName", email: "email", mobile: "phone", wallet: "crypto_wallet" },
  };

  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const importStart = performance.now();
  const { id } = await startImport({
    actor,
    received: {
      fields: { mapping: JSON.stringify(mapping), caseId: kase.id },
      fileName: "applicants.csv",
      claimedType: "text/csv",
      bytes: new TextEncoder().encode(csv),
    },
  });
  await drainJobs(["import.rows"], [id]);
  const importMs = performance.now() - importStart;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const result = await getImport({ actor, importId: id });

  const againStart = performance.now();
  const again = await startImport({
    actor,
    received: {
      fields: { mapping: JSON.stringify(mapping), caseId: kase.id },
      fileName: "applicants.csv",
      claimedType: "text/csv",
      bytes: new TextEncoder().encode(csv),
    },
  });
  await drainJobs(["import.rows"], [again.id]);
  const againMs = performance.now() - againStart;
  const second = await getImport({ actor, importId: again.id });

  const rate = (ms: number) => ROWS / (ms / 1000);
  console.log(
    `COPY of the same rows:  ${(copyMs / 1000).toFixed(2)} s, ${Math.round(rate(copyMs)).toLocaleString()} rows/s`,
  );
  console.log(
    `import (${result.status}: ${result.created} created, ${result.matched} matched, ${result.refused} refused): ${(importMs / 1000).toFixed(1)} s, ${Math.round(rate(importMs)).toLocaleString()} rows/s, ${(rate(importMs) / rate(copyMs)).toFixed(3)} x COPY (target <= 60 s and >= 0.3 x), RSS growth ${((rssPeak - rssBefore) / 1048576).toFixed(0)} MB`,
  );
  console.log(
    `the same file again (${second.created} created, ${second.matched} matched): ${(againMs / 1000).toFixed(1)} s, ${Math.round(rate(againMs)).toLocaleString()} rows/s`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    // An open connection would keep the process alive after a failure.
    await import("@/db").then((m) => m.closeDb()).catch(() => {});
    if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
  });
