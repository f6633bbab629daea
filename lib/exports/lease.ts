import { sql } from "drizzle-orm";
import { databaseKind, db, queryRows } from "@/db";
import { logger } from "@/lib/logger";

// Any constant of our own: with a number from the export id it names one advisory lock per export.
const LEASE_SPACE = 4_242_301;
const leaseKey = (id: string) => Number.parseInt(id.replace(/-/g, "").slice(0, 8), 16) | 0;

interface Pending {
  key: number;
  settle: (error?: unknown) => void;
}
interface LeaseState {
  held: Set<string>;
  pending: Pending[];
  wake: (() => void) | null;
  session: Promise<void> | null;
}

const stateKey = Symbol.for("casework.exportLeases");
function state(): LeaseState {
  const g = globalThis as typeof globalThis & { [stateKey]?: LeaseState };
  g[stateKey] ??= { held: new Set(), pending: [], wake: null, session: null };
  return g[stateKey];
}

/*
 * Leases tell a server that is starting up which unfinished exports still have a live builder
 * (another instance) and which died with their process. On PostgreSQL a process with builds
 * keeps one transaction open holding a transaction-scoped advisory lock per export: if the
 * process dies, its connection and locks go with it. The transaction writes nothing, so it holds
 * back neither vacuum nor anyone else. It ends once the process has no builds left. PGlite is
 * opened by one process only (a lock file guards the folder), so there every unfinished export
 * found at start-up is abandoned and no lease is needed.
 */
function runSession(s: LeaseState): void {
  if (s.session) return;
  s.session = db
    .transaction(async (tx) => {
      for (;;) {
        for (const p of s.pending.splice(0)) {
          await tx.execute(sql`select pg_advisory_xact_lock(${LEASE_SPACE}::int, ${p.key}::int)`).then(
            () => p.settle(),
            (error: unknown) => {
              p.settle(error);
              throw error;
            },
          );
        }
        if (s.held.size === 0 && s.pending.length === 0) return;
        await new Promise<void>((resolve) => (s.wake = resolve));
        s.wake = null;
      }
    })
    .catch((err: unknown) => {
      logger.error({ err }, "export lease session failed");
      for (const p of s.pending.splice(0)) p.settle(err);
    })
    .finally(() => {
      s.session = null;
      if (s.pending.length > 0) runSession(s);
    });
}

export async function acquireLease(id: string): Promise<void> {
  if (databaseKind() !== "postgres") return;
  const s = state();
  s.held.add(id);
  await new Promise<void>((resolve, reject) => {
    s.pending.push({ key: leaseKey(id), settle: (error) => (error ? reject(error) : resolve()) });
    runSession(s);
    s.wake?.();
  });
}

/** The lock itself is released when the session ends, once this process has no builds left. */
export function releaseLease(id: string): void {
  const s = state();
  if (!s.held.delete(id)) return;
  s.wake?.();
}

/** True when no live process holds the export's lease (always true on PGlite). */
export async function leaseIsFree(id: string): Promise<boolean> {
  if (databaseKind() !== "postgres") return true;
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ free: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${LEASE_SPACE}::int, ${leaseKey(id)}::int) as free`,
    );
    return row?.free === true;
  });
}
