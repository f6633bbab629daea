import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { api } from "./common";
import { type BenchContext, mb, type Scenario } from "./types";

const filesDir = path.join(os.tmpdir(), "casework-bench-files");

/** A file of random bytes, made once and reused so repeated runs store no new bytes (same SHA-256). */
export function randomFile(name: string, bytes: number): string {
  fs.mkdirSync(filesDir, { recursive: true });
  const file = path.join(filesDir, name);
  if (!fs.existsSync(file) || fs.statSync(file).size !== bytes) {
    execFileSync("sh", ["-c", `head -c ${bytes} /dev/urandom > '${file}'`]);
  }
  return file;
}

/** Wall time of a shell command, in seconds. */
export function timeShell(command: string): number {
  const started = performance.now();
  const result = spawnSync("sh", ["-c", command], { stdio: "ignore" });
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status})`);
  return (performance.now() - started) / 1000;
}

/** curl as the client: it streams from disk and costs the server nothing extra. Async, so memory sampling keeps running. */
export async function curl(
  args: string[],
  keepBody = true,
): Promise<{ status: number; seconds: number; body: string; bytes: number }> {
  const out = keepBody ? path.join(filesDir, `response-${process.pid}.txt`) : "/dev/null";
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn("curl", ["-sS", "-o", out, "-w", "%{http_code} %{time_total} %{size_download}", ...args]);
    let text = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (text += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`curl failed: ${err}`))));
  });
  const [status = "0", seconds = "0", size = "0"] = stdout.trim().split(" ");
  const body = keepBody && fs.existsSync(out) ? fs.readFileSync(out, "utf8").slice(0, 100_000) : "";
  if (keepBody) fs.rmSync(out, { force: true });
  return { status: Number(status), seconds: Number(seconds), body, bytes: Number(size) };
}

export async function upload(
  ctx: BenchContext,
  caseId: string,
  file: string,
  title: string,
): Promise<{ status: number; seconds: number; id?: string; body: string; bytes: number }> {
  const r = await curl([
    "-H",
    `Authorization: Bearer ${ctx.admin.token}`,
    "-F",
    `title=${title}`,
    "-F",
    "kind=other",
    "-F",
    `file=@${file};type=application/octet-stream`,
    `${ctx.app.url}/api/cases/${caseId}/evidence`,
  ]);
  let id: string | undefined;
  try {
    id = (JSON.parse(r.body) as { id?: string }).id;
  } catch {
    // Not JSON: the status says what went wrong.
  }
  return { ...r, id };
}

function sourceFile(ctx: BenchContext): { file: string; bytes: number } {
  const bytes = ctx.smoke ? 64 * 2 ** 20 : 2 ** 30;
  return { file: randomFile(ctx.smoke ? "upload-64mib.bin" : "upload-1gib.bin", bytes), bytes };
}

// The download scenario reads back what the upload scenario stored (or stores it itself).
let uploaded: string | undefined;

const evidenceUpload: Scenario = {
  id: "evidence-upload-1gib",
  title: "evidence upload 1 GiB",
  target: ">= 0.7 x sha256sum; RSS growth <= 100 MB",
  routes: ["cases/[id]/evidence/route.ts"],
  async run(ctx) {
    const { file, bytes } = sourceFile(ctx);
    timeShell(`cat '${file}' > /dev/null`);
    const sha = timeShell(`sha256sum '${file}' > /dev/null`);
    // coreutils' sha256sum does not use the CPU's SHA instructions; OpenSSL (and so Node) does.
    const openssl = timeShell(`openssl dgst -sha256 '${file}' > /dev/null`);
    // The store must have the bytes on disk before it answers: the disk's own write + fsync of the
    // same bytes into the data folder bounds the upload from below, whatever the hashing costs.
    const probe = path.join(ctx.dataDir, `disk-probe-${process.pid}`);
    const disk = timeShell(`dd if='${file}' of='${probe}' bs=1M conv=fsync status=none`);
    fs.rmSync(probe, { force: true });
    const [target] = await ctx.sql<{ id: string }[]>`select id from cases order by opened_at desc limit 1`;
    if (!target) throw new Error("no case to upload to");
    const up = await ctx.app.measure(async () =>
      upload(ctx, target.id, file, `Benchmark upload ${new Date().toISOString()}`),
    );
    if (up.result.status !== 201 || !up.result.id)
      throw new Error(`upload answered ${up.result.status}: ${up.result.body.slice(0, 300)}`);
    uploaded = up.result.id;
    const growth = mb(up.peakRss - up.startRss);
    const ratio = mb(bytes) / up.result.seconds / (mb(bytes) / sha);
    const diskMbps = mb(bytes) / disk;
    return {
      product: {
        mbps: mb(bytes) / up.result.seconds,
        seconds: up.result.seconds,
        peakRssMb: mb(up.peakRss),
        rssGrowthMb: growth,
        errors: 0,
      },
      baseline: { label: "sha256sum of the same file (page cache warm)", mbps: mb(bytes) / sha, seconds: sha },
      baseline2: { label: "openssl dgst -sha256 (hardware SHA)", mbps: mb(bytes) / openssl, seconds: openssl },
      ratio: { label: "upload / sha256sum", value: ratio },
      met: ratio >= 0.7 && growth <= 100,
      note:
        `${mb(bytes).toFixed(0)} MiB multipart upload with curl; ${(mb(bytes) / up.result.seconds / (mb(bytes) / openssl)).toFixed(2)} x openssl; ` +
        `server CPU ${up.cpuSeconds.toFixed(2)} s; the disk's write + fsync of the same file (dd) ${diskMbps.toFixed(0)} MB/s`,
      details: { openssl: mb(bytes) / openssl, serverCpuSeconds: up.cpuSeconds, diskWriteMbps: diskMbps },
    };
  },
};

const evidenceDownload: Scenario = {
  id: "evidence-download-1gib",
  title: "evidence download 1 GiB",
  target: ">= 0.7 x (cat | sha256sum)",
  routes: ["cases/[id]/evidence/route.ts", "evidence/[id]/content/route.ts"],
  async run(ctx) {
    const { file, bytes } = sourceFile(ctx);
    if (!uploaded) {
      const [target] = await ctx.sql<{ id: string }[]>`select id from cases order by opened_at desc limit 1`;
      uploaded = target ? (await upload(ctx, target.id, file, "Benchmark download source")).id : undefined;
      if (!uploaded) throw new Error("could not upload the file to download");
    }
    const catHash = timeShell(`cat '${file}' | sha256sum > /dev/null`);
    const catOpenssl = timeShell(`cat '${file}' | openssl dgst -sha256 > /dev/null`);
    const down = await ctx.app.measure(async () =>
      curl(
        ["-H", `Authorization: Bearer ${ctx.admin.token}`, `${ctx.app.url}/api/evidence/${uploaded}/content`],
        false,
      ),
    );
    if (down.result.status !== 200) throw new Error(`download answered ${down.result.status}`);
    if (down.result.bytes !== bytes) throw new Error(`download delivered ${down.result.bytes} of ${bytes} bytes`);
    const ratio = mb(bytes) / down.result.seconds / (mb(bytes) / catHash);
    return {
      product: {
        mbps: mb(bytes) / down.result.seconds,
        seconds: down.result.seconds,
        peakRssMb: mb(down.peakRss),
        rssGrowthMb: mb(down.peakRss - down.startRss),
        errors: 0,
      },
      baseline: { label: "cat file | sha256sum", mbps: mb(bytes) / catHash, seconds: catHash },
      baseline2: { label: "cat file | openssl dgst -sha256", mbps: mb(bytes) / catOpenssl, seconds: catOpenssl },
      ratio: { label: "download / (cat | sha256sum)", value: ratio },
      met: ratio >= 0.7,
      note: `${mb(bytes).toFixed(0)} MiB with curl -o /dev/null (the server verifies the hash while streaming)`,
    };
  },
};

const exportPack: Scenario = {
  id: "export-1gib-200",
  title: "export of 1 GiB in 200 files",
  target: ">= 0.6 x (sha256sum + zip -0); RSS growth <= 150 MB",
  routes: ["cases/[id]/exports/route.ts", "exports/[id]/route.ts", "exports/[id]/download/route.ts"],
  async run(ctx) {
    const count = ctx.smoke ? 20 : 200;
    const each = Math.floor((ctx.smoke ? 20 * 2 ** 20 : 2 ** 30) / count);
    const files = Array.from({ length: count }, (_, k) => randomFile(`export-${count}-${k}.bin`, each));
    const created = await api<{ id: string }>(ctx, ctx.admin.token, "POST", "/api/cases", {
      title: `Benchmark export ${new Date().toISOString()}`,
      severity: "low",
    });
    if (created.status !== 201) throw new Error(`creating the case answered ${created.status}`);
    for (const [k, f] of files.entries()) {
      const r = await upload(ctx, created.body.id, f, `Export file ${k + 1}`);
      if (r.status !== 201) throw new Error(`upload ${k + 1} answered ${r.status}: ${r.body.slice(0, 200)}`);
    }
    const quoted = files.map((f) => `'${f}'`).join(" ");
    const zipPath = path.join(filesDir, "baseline.zip");
    fs.rmSync(zipPath, { force: true });
    const baseline = timeShell(`sha256sum ${quoted} > /dev/null`) + timeShell(`zip -0 -q -j '${zipPath}' ${quoted}`);
    fs.rmSync(zipPath, { force: true });
    const run = await ctx.app.measure(async () => {
      const started = performance.now();
      const made = await api<{ id: string }>(ctx, ctx.admin.token, "POST", `/api/cases/${created.body.id}/exports`, {
        options: {},
      });
      if (made.status !== 202 && made.status !== 201)
        throw new Error(`export answered ${made.status}: ${JSON.stringify(made.body).slice(0, 300)}`);
      for (;;) {
        const s = await api<{ status: string; error?: string }>(
          ctx,
          ctx.admin.token,
          "GET",
          `/api/exports/${made.body.id}`,
        );
        if (s.body.status === "done") break;
        if (s.body.status === "failed" || s.status >= 400)
          throw new Error(`export failed: ${JSON.stringify(s.body).slice(0, 300)}`);
        await sleep(250);
      }
      const dl = await curl(
        ["-H", `Authorization: Bearer ${ctx.admin.token}`, `${ctx.app.url}/api/exports/${made.body.id}/download`],
        false,
      );
      if (dl.status !== 200) throw new Error(`download answered ${dl.status}`);
      if (dl.bytes < each * count)
        throw new Error(`the pack has ${dl.bytes} bytes, less than its ${each * count} bytes of evidence`);
      return (performance.now() - started) / 1000;
    });
    const total = mb(each * count);
    const ratio = total / run.result / (total / baseline);
    const growth = mb(run.peakRss - run.startRss);
    return {
      product: {
        mbps: total / run.result,
        seconds: run.result,
        peakRssMb: mb(run.peakRss),
        rssGrowthMb: growth,
        errors: 0,
      },
      baseline: { label: "sha256sum + zip -0 of the same files", mbps: total / baseline, seconds: baseline },
      ratio: { label: "export / (sha256sum + zip -0)", value: ratio },
      met: ratio >= 0.6 && growth <= 150,
      note: `${count} files, ${total.toFixed(0)} MiB, timed from POST to downloaded pack`,
    };
  },
};

export const transferScenarios: Scenario[] = [evidenceUpload, evidenceDownload, exportPack];
