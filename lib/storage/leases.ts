import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const isErrno = (error: unknown, code: string) => (error as NodeJS.ErrnoException | null)?.code === code;

// One id per process, shared by every copy of this module (Next loads some modules twice), so
// "same pid, other id" can only mean an earlier process that had this pid.
const idKey = Symbol.for("casework.instanceId");
type GlobalWithId = typeof globalThis & { [idKey]?: string };
export function instanceId(): string {
  const g = globalThis as GlobalWithId;
  g[idKey] ??= randomBytes(8).toString("hex");
  return g[idKey];
}

interface LeaseInfo {
  pid: number;
  host: string;
  /** The pid namespace: pids are only comparable inside one (containers on one host have their own). */
  pidns: string | null;
}

function here(): LeaseInfo {
  let pidns: string | null = null;
  try {
    pidns = fs.readlinkSync("/proc/self/ns/pid");
  } catch {
    // not Linux: host name alone
  }
  return { pid: process.pid, host: os.hostname(), pidns };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, "EPERM");
  }
}

const leases = new Set<string>();
let exitHook = false;

/**
 * Tells the temp files of live processes from those of dead ones, for any number of processes
 * sharing one data folder. While it works with temp files, a process keeps `<dir>/<id>.lease`
 * fresh, rewriting it every heartbeat; its temp files carry the id in their names. An id is dead
 * once its lease is gone or older than three heartbeats, or at once when the lease names a
 * process on this machine that no longer runs (a restart right after a crash).
 */
export class TempLease {
  readonly id: string;
  readonly file: string;
  readonly heartbeatMs: number;
  private holding: Promise<void> | null = null;

  constructor(
    readonly dir: string,
    { id = instanceId(), heartbeatMs = 10_000 }: { id?: string; heartbeatMs?: number } = {},
  ) {
    this.id = id;
    this.file = path.join(dir, `${id}.lease`);
    this.heartbeatMs = heartbeatMs;
  }

  get staleAfterMs(): number {
    return 3 * this.heartbeatMs;
  }

  /** Starts the heartbeat (once); resolves when the lease is on disk. */
  hold(): Promise<void> {
    this.holding ??= (async () => {
      await this.beat();
      // Rewriting also brings the lease back if another process removed it while this one stalled.
      setInterval(() => void this.beat().catch(() => {}), this.heartbeatMs).unref();
      leases.add(this.file);
      if (!exitHook) {
        exitHook = true;
        // A process that exits has no uploads left: its temp files may go at once.
        process.once("exit", () => leases.forEach((file) => fs.rmSync(file, { force: true })));
      }
    })();
    return this.holding;
  }

  private async beat(): Promise<void> {
    await fsp.mkdir(this.dir, { recursive: true });
    await fsp.writeFile(this.file, JSON.stringify(here()), { mode: 0o600 });
  }

  /** "Now" on the folder's own clock: the time of this process's lease, just rewritten (other machines' clocks may differ). */
  async now(): Promise<number> {
    await this.hold();
    await this.beat();
    return (await fsp.stat(this.file)).mtimeMs;
  }

  async isLive(id: string, now: number): Promise<boolean> {
    if (id === this.id) return true;
    const file = path.join(this.dir, `${id}.lease`);
    let mtimeMs: number;
    let text: string;
    try {
      mtimeMs = (await fsp.stat(file)).mtimeMs;
      text = await fsp.readFile(file, "utf8");
    } catch (error) {
      if (isErrno(error, "ENOENT")) return false;
      throw error;
    }
    if (now - mtimeMs > this.staleAfterMs) return false;
    let info: Partial<LeaseInfo> | null = null;
    try {
      info = JSON.parse(text) as Partial<LeaseInfo>;
    } catch {
      // caught mid-rewrite: its fresh time is enough
    }
    const me = here();
    if (info && info.host === me.host && (info.pidns ?? null) === me.pidns && typeof info.pid === "number") {
      return info.pid !== process.pid && pidAlive(info.pid);
    }
    return true;
  }

  /** Removes the leases of dead processes (after their temp files, so a crash midway leaves them findable). */
  async removeDead(now: number): Promise<void> {
    const names = await fsp.readdir(this.dir).catch((error: unknown) => {
      if (isErrno(error, "ENOENT")) return [] as string[];
      throw error;
    });
    for (const name of names) {
      if (!name.endsWith(".lease")) continue;
      const id = name.slice(0, -".lease".length);
      if (!(await this.isLive(id, now))) await fsp.rm(path.join(this.dir, name), { force: true });
    }
  }
}
