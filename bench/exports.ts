/**
 * Evidence-pack export of a case with 1 GiB of evidence in 200 files, against `sha256sum` plus
 * `zip -0` of the same files, and the resident memory the export adds.
 *
 *   npx tsx --conditions=react-server bench/exports.ts            (or TOTAL_MB=256 FILES=50 …)
 *
 * Runs in one process with the app's own lib (the build runs in-process in the server too), on
 * an embedded database in a temporary data folder. It writes the files into evidence storage and
 * their rows straight into the database (the upload path has its own benchmark), then:
 *   1. times `sha256sum *` and `zip -0 -q -r` over a plain copy of the same files;
 *   2. starts an export (report, STIX and graph on) and times it until the pack is built, sampling
 *      this process's RSS every 20 ms;
 *   3. checks the pack: its SHA-256 against the record, and every entry with verify-pack;
 *   4. exports again with a production (prefix BENCH) and prints its time as a ratio of step 2's.
 * Targets (from the issue): export throughput >= 60% of sha256sum + zip -0; RSS growth <= 150 MB.
 * Both sides read from a warm page cache (the files were just written). Everything is removed at the end.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const MiB = 1024 * 1024;
const totalMb = Number(process.env.TOTAL_MB ?? 1024);
const fileCount = Number(process.env.FILES ?? 200);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "casework-bench-exports-"));
process.env.DATA_DIR = path.join(work, "data");
process.env.DATABASE_URL = "memory://";
process.env.LOG_LEVEL = "warn";

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const mb = (bytes: number) => (bytes / MiB).toFixed(1);

async function main(): Promise<void> {
  const { db, ready } = await import("@/db");
  const { cases, evidence } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const { createUser } = await import("@/lib/users/users");
  const { createCase } = await import("@/lib/cases/create-case");
  const { evidenceStore } = await import("@/lib/storage");
  const { createExport } = await import("@/lib/exports/create-export");
  const { getExport } = await import("@/lib/exports/get-export");
  const { buildsIdle } = await import("@/lib/exports/build-job");
  const { packPath } = await import("@/lib/exports/paths");
  const { verifyPack } = await import("@/lib/exports/verify-pack");
  await ready();

  const user = await createUser({
    actor: null,
    input: {
      email: `bench-${Date.now()}@example.test`,
      name: "Bench Lead",
      role: "investigator",
      password: randomBytes(18).toString("base64url"),
    },
  });
  const actor = { id: user.id, email: user.email, name: user.name, role: user.role, via: "cli" as const };
  const kase = await createCase({ actor, input: { title: "Export benchmark" } });

  console.log(`Writing ${fileCount} files, ${totalMb} MiB in all…`);
  const plain = path.join(work, "plain");
  fs.mkdirSync(plain);
  const size = Math.floor((totalMb * MiB) / fileCount);
  const store = evidenceStore();
  for (let i = 1; i <= fileCount; i++) {
    const name = `log-${String(i).padStart(3, "0")}.bin`;
    const file = path.join(plain, name);
    fs.writeFileSync(file, randomBytes(size));
    const stored = await store.put(fs.createReadStream(file, { highWaterMark: MiB }));
    await db.insert(evidence).values({
      caseId: kase.id,
      exhibitNo: i,
      title: `Network log ${i}`,
      kind: "network_log",
      sha256: stored.sha256,
      size: stored.size,
      mimeType: "application/octet-stream",
      originalName: name,
      uploadedById: actor.id,
    });
  }
  await db.update(cases).set({ exhibitCounter: fileCount }).where(eq(cases.id, kase.id));
  const totalBytes = size * fileCount;

  const names = fs.readdirSync(plain).sort();
  let start = process.hrtime.bigint();
  execFileSync("sha256sum", names, { cwd: plain, stdio: ["ignore", "ignore", "inherit"] });
  const sumSeconds = seconds(start);
  start = process.hrtime.bigint();
  execFileSync("zip", ["-0", "-q", "-r", path.join(work, "baseline.zip"), "."], { cwd: plain, stdio: "inherit" });
  const zipSeconds = seconds(start);
  fs.rmSync(path.join(work, "baseline.zip"));
  const baselineSeconds = sumSeconds + zipSeconds;

  /** One export with these options, timed to done, with the RSS it adds and its pack checked. */
  const timeExport = async (options: Parameters<typeof createExport>[0]["options"]) => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    let start = process.hrtime.bigint();
    const { id } = await createExport({ actor, caseId: kase.id, options });
    await buildsIdle();
    const exportSeconds = seconds(start);
    clearInterval(sampler);
    const done = await getExport({ actor, exportId: id });
    if (done.status !== "done") throw new Error(`export ended ${done.status}: ${done.error}`);
    start = process.hrtime.bigint();
    const actual = execFileSync("sha256sum", [packPath(id)], { encoding: "utf8" }).split(" ")[0];
    const verified = await verifyPack(packPath(id));
    const verifySeconds = seconds(start);
    return { id, done, exportSeconds, rssBefore, rssPeak, actual, verified, verifySeconds };
  };
  const { done, exportSeconds, rssBefore, rssPeak, actual, verified, verifySeconds } = await timeExport(undefined);
  // The same pack with a production (every file again as a native, a slip sheet stamped with its
  // Bates number, and the load files), in the same run: its cost as a ratio of the plain export.
  const produced = await timeExport({ production: { batesPrefix: "BENCH" } });

  const ratio = baselineSeconds / exportSeconds;
  const growth = (rssPeak - rssBefore) / MiB;
  console.log("");
  console.log(`evidence:             ${fileCount} files, ${mb(totalBytes)} MiB; pack ${mb(done.size ?? 0)} MiB`);
  console.log(`sha256sum:            ${sumSeconds.toFixed(2)} s`);
  console.log(`zip -0:               ${zipSeconds.toFixed(2)} s`);
  console.log(`baseline total:       ${baselineSeconds.toFixed(2)} s (${mb(totalBytes / baselineSeconds)} MiB/s)`);
  console.log(`export (to done):     ${exportSeconds.toFixed(2)} s (${mb(totalBytes / exportSeconds)} MiB/s)`);
  console.log(
    `throughput ratio:     ${(ratio * 100).toFixed(0)}% of sha256sum + zip -0 (target >= 60%) ${ratio >= 0.6 ? "OK" : "BELOW TARGET"}`,
  );
  console.log(
    `RSS:                  ${mb(rssBefore)} MiB before, ${mb(rssPeak)} MiB peak, growth ${growth.toFixed(1)} MiB (target <= 150) ${growth <= 150 ? "OK" : "ABOVE TARGET"}`,
  );
  console.log(
    `with production:      ${produced.exportSeconds.toFixed(2)} s, ${(produced.exportSeconds / exportSeconds).toFixed(2)}× the plain export; pack ${mb(produced.done.size ?? 0)} MiB; RSS growth ${((produced.rssPeak - produced.rssBefore) / MiB).toFixed(1)} MiB; verify-pack ${produced.verified.ok ? "OK" : "FAILED"} (${produced.verified.production?.pages ?? 0} Bates pages) in ${produced.verifySeconds.toFixed(2)} s`,
  );
  console.log(
    `pack check:           SHA-256 ${actual === done.sha256 ? "matches the record" : "DIFFERS from the record"}; verify-pack ${verified.ok ? "OK" : `FAILED (${verified.problems.length} problems)`} in ${verifySeconds.toFixed(2)} s`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    const { closeDb } = await import("@/db");
    await closeDb().catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  });
