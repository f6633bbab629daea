// Plain JavaScript with no dependencies, so a bare `node` process can load it too: the test
// that races several processes for the lock starts them in milliseconds instead of seconds.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const LOCK = "pglite.lock";
// Locks this process holds, shared across module copies (Next loads some modules twice).
const heldKey = Symbol.for("casework.pgliteLocks");
const held = (globalThis[heldKey] ??= new Set());

/**
 * PGlite has no lock of its own: two processes on one folder both open it and silently lose
 * writes. The lock file `pglite.lock` holds `<pid> <nonce>`; a second process is refused with a
 * clear message, and a lock whose process no longer runs is taken over.
 *
 * Every step that decides who owns the lock is a single atomic file operation, so of any number
 * of processes starting at once exactly one wins:
 * - the lock is written whole under a name of its own, then hard-linked to `pglite.lock`; the link
 *   fails if the name exists, so it is created once and never seen half-written;
 * - only the process that links `pglite.lock.<nonce>.takeover` (nonce of the stale lock) may
 *   remove that stale lock. While it holds that claim nothing else can remove or replace the
 *   lock, so it reads it again and removes it only if it is still the stale one; then everyone
 *   races to link again. A claimant that dies is replaced the same way, through a claim named
 *   after its own nonce, so no claim name is ever created twice while its lock is in place.
 *
 * @param {string} dataDir
 * @param {{ timeoutMs?: number }} [options]
 * @returns {() => void} releases the lock (also done when the process exits)
 */
export function acquirePgliteLock(dataDir, { timeoutMs = 5000 } = {}) {
  const lockPath = path.join(dataDir, LOCK);
  const nonce = randomUUID();
  const content = `${process.pid} ${nonce}\n`;
  // The pid is in the name too: a file being written can be told from litter without reading it.
  const mine = `${lockPath}.${nonce}.${process.pid}.new`;
  fs.writeFileSync(mine, content, { flag: "wx", mode: 0o600 });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (tryLink(mine, lockPath)) break;
      const owner = readLock(lockPath);
      if (owner && isLive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is already open in process ${owner.pid}. ` +
            `Stop that process first (a second one on the same folder would lose writes), ` +
            `or point DATA_DIR at another folder.`,
        );
      }
      if (owner) breakStale(lockPath, owner, mine);
      if (Date.now() > deadline) {
        throw new Error(
          `Could not take the embedded database lock ${lockPath}: other processes kept it busy. If no other process uses ${dataDir}, remove ${lockPath}* and start again.`,
        );
      }
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
  held.add(nonce);
  removeLeftovers(dataDir);

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(nonce);
    process.off("exit", release);
    try {
      // Nobody else removes a lock whose process is alive, so it is still ours unless gone.
      if (fs.readFileSync(lockPath, "utf8") === content) fs.unlinkSync(lockPath);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

/** Removes the stale lock if this process wins the claim to do so; otherwise returns for the caller to look again. */
function breakStale(lockPath, stale, mine) {
  let claim = `${lockPath}.${keyOf(stale)}.takeover`;
  for (;;) {
    if (tryLink(mine, claim)) break;
    const claimant = readLock(claim);
    // Gone: its holder finished (the stale lock is gone too) or the new owner cleaned it up.
    if (!claimant) return;
    if (isLive(claimant)) {
      // Another process is removing it right now (a few file operations): look again shortly.
      sleep(5);
      return;
    }
    claim = `${lockPath}.${keyOf(claimant)}.takeover`;
  }
  try {
    if (readLock(lockPath)?.text === stale.text) fs.unlinkSync(lockPath);
  } finally {
    fs.rmSync(claim, { force: true });
  }
}

/** Takeover claims are spent once a lock is in place; other files of processes that died mid-start are litter. */
function removeLeftovers(dataDir) {
  for (const name of fs.readdirSync(dataDir)) {
    if (!name.startsWith(`${LOCK}.`)) continue;
    const file = path.join(dataDir, name);
    if (name.endsWith(".takeover")) fs.rmSync(file, { force: true });
    else if (name.endsWith(".new")) {
      const [nonce = "", pid = ""] = name.slice(LOCK.length + 1, -".new".length).split(".");
      if (!isLive({ pid: Number(pid), nonce })) fs.rmSync(file, { force: true });
    }
  }
}

function tryLink(from, to) {
  try {
    fs.linkSync(from, to);
    return true;
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  }
}

/** `{ pid, nonce, text }`, or null when the file is gone. Locks of older versions hold only a pid. */
function readLock(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  const [pid = "", nonce = null] = text.trim().split(/\s+/);
  return { pid: Number(pid), nonce, text };
}

const NONCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A file-name-safe key unique to one lock: its nonce, or a digest of an older version's lock. */
function keyOf(lock) {
  return lock.nonce && NONCE.test(lock.nonce)
    ? lock.nonce
    : `v0-${createHash("sha256").update(lock.text).digest("hex").slice(0, 32)}`;
}

function isLive(lock) {
  if (!Number.isInteger(lock.pid) || lock.pid <= 0) return false;
  // Our own pid with a nonce we did not make: a previous run that had the same pid (a container's pid 1).
  if (lock.pid === process.pid) return held.has(lock.nonce);
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
