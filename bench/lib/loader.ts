import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "./config";
import type { LoadConfig, LoadResult } from "./load-types";

const tsx = path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");

/** Runs autocannon in a second process (bench/load-worker.ts) and returns what it measured. */
export async function runLoad(config: LoadConfig): Promise<LoadResult> {
  const file = path.join(os.tmpdir(), `casework-bench-load-${process.pid}-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(config));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [tsx, path.join(projectRoot, "bench", "load-worker.ts"), file], {
        cwd: projectRoot,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      child.once("error", reject);
      child.once("exit", (code) =>
        code === 0 ? resolve(out) : reject(new Error(`load worker failed (exit ${code}): ${err.trim().slice(-2000)}`)),
      );
    });
    const last = output.trim().split("\n").pop() ?? "";
    return JSON.parse(last) as LoadResult;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Requests that did not get a 2xx, other than the 409s listed as expected. */
export function failures(result: LoadResult, expectedConflictKinds: readonly string[] = []): number {
  let n = result.errors; // autocannon counts timeouts among errors too
  for (const [kind, byStatus] of Object.entries(result.statuses)) {
    for (const [status, count] of Object.entries(byStatus)) {
      const ok = status.startsWith("2") || (status === "409" && expectedConflictKinds.includes(kind));
      if (!ok) n += count;
    }
  }
  return n;
}

export function conflicts(result: LoadResult): number {
  return Object.values(result.statuses).reduce((n, byStatus) => n + (byStatus["409"] ?? 0), 0);
}
