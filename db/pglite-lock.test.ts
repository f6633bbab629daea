import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { acquirePgliteLock } from "./pglite-lock.mjs";

const racer = path.join(process.cwd(), "lib", "testing", "pglite-lock-racer.mjs");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-lock-"));
  dirs.push(dir);
  return dir;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ["-e", ""]);
  if (!pid) throw new Error("could not start a process");
  return pid;
}

/** A node process that tries the lock when told to (lib/testing/pglite-lock-racer.mjs). */
class Contender {
  private readonly child = spawn(process.execPath, [racer], { stdio: ["pipe", "pipe", "inherit"] });
  private readonly lines: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  private readonly exited = new Promise<void>((resolve) => this.child.on("exit", () => resolve()));

  constructor() {
    createInterface({ input: this.child.stdout }).on("line", (line) => {
      if (this.waiting) this.waiting(line);
      else this.lines.push(line);
    });
  }

  /** Sends one command and resolves with the contender's answer. */
  ask(command: string): Promise<string> {
    this.child.stdin.write(`${command}\n`);
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => {
      this.waiting = (line) => {
        this.waiting = null;
        resolve(line);
      };
    });
  }

  /** `won` or `lost <message>`, after a try that started at once. */
  async race(dir: string, startAt = 0): Promise<string> {
    return (await this.ask(`race ${dir} ${startAt}`)).replace(/^(won|lost) -?\d+ ?/, "$1 ").trim();
  }

  async stop(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }
}

const lockFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((n) => n.startsWith("pglite.lock"))
    .sort();

describe("the embedded database lock", () => {
  it("goes to exactly one of eight processes starting at once over a lock left by a dead process", async () => {
    const contenders = Array.from({ length: 8 }, () => new Contender());
    try {
      for (let round = 0; round < 20; round++) {
        const dir = tempDir();
        // Both forms a dead process may have left: this version's, and an older one's bare pid.
        fs.writeFileSync(
          path.join(dir, "pglite.lock"),
          round % 2 ? `${deadPid()} 3b2c6a9e-8f51-4d2c-9c7e-0a4b5d6e7f80\n` : String(deadPid()),
        );
        const startAt = Date.now() + 150;
        // Every winner holds the lock until all have tried: a late one must find it taken, not free again.
        const results = await Promise.all(contenders.map((c) => c.race(dir, startAt)));
        await Promise.all(contenders.map((c) => c.ask("release")));
        expect(
          results.filter((r) => r === "won"),
          `round ${round}: ${results.join(" | ")}`,
        ).toHaveLength(1);
        for (const r of results.filter((x) => x !== "won"))
          expect(r).toMatch(/^lost The embedded database in .* is already open in process \d+\./);
        // The winner's release removed the lock, and nothing else is left behind.
        expect(lockFiles(dir)).toEqual([]);
      }
    } finally {
      await Promise.all(contenders.map((c) => c.stop()));
    }
  }, 60_000);

  it("refuses while a live process holds it, in that process and in another, and is free again once released", async () => {
    const dir = tempDir();
    const release = acquirePgliteLock(dir);
    expect(fs.readFileSync(path.join(dir, "pglite.lock"), "utf8")).toMatch(
      new RegExp(`^${process.pid} [0-9a-f-]{36}\\n$`),
    );
    expect(() => acquirePgliteLock(dir)).toThrow(`already open in process ${process.pid}`);
    const other = new Contender();
    try {
      expect(await other.race(dir)).toBe(
        `lost The embedded database in ${dir} is already open in process ${process.pid}. Stop that process first (a second one on the same folder would lose writes), or point DATA_DIR at another folder.`,
      );
      release();
      expect(lockFiles(dir)).toEqual([]);
      expect(await other.race(dir)).toBe("won");
      expect(() => acquirePgliteLock(dir)).toThrow("already open in process");
      await other.ask("release");
    } finally {
      await other.stop();
    }
    acquirePgliteLock(dir)();
  });

  it("takes over when the process that was taking over a stale lock died midway, and clears what both left", async () => {
    const dir = tempDir();
    const stale = "6f1d1c4e-2a3b-4c5d-8e9f-0a1b2c3d4e5f";
    const breaker = "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a";
    fs.writeFileSync(path.join(dir, "pglite.lock"), `${deadPid()} ${stale}\n`);
    const breakerPid = deadPid();
    fs.writeFileSync(path.join(dir, `pglite.lock.${stale}.takeover`), `${breakerPid} ${breaker}\n`);
    fs.writeFileSync(path.join(dir, `pglite.lock.${breaker}.${breakerPid}.new`), `${breakerPid} ${breaker}\n`);
    const release = acquirePgliteLock(dir, { timeoutMs: 1000 });
    expect(lockFiles(dir)).toEqual(["pglite.lock"]);
    expect(fs.readFileSync(path.join(dir, "pglite.lock"), "utf8").split(" ")[0]).toBe(String(process.pid));
    release();
  });
});
