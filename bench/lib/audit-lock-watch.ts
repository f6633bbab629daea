import type { Sql } from "postgres";

export interface AuditLockFigures {
  /** Audit events appended per second while the watch ran. */
  auditedPerSecond: number;
  /** Mean number of transactions waiting for the audit lock, over the samples. */
  meanWaiting: number;
  maxWaiting: number;
  /** Share of the samples in which at least one transaction waited. */
  busyShare: number;
  samples: number;
}

/**
 * Samples, every `everyMs` while a load runs, how many transactions wait for the audit chain's
 * head (the row every append updates as its transaction commits: lib/audit/record.ts; a waiting
 * commit, or before that design an append statement), and counts the events appended: whether
 * the one chain is what limits the load.
 */
export async function watchAuditLock(sql: Sql, everyMs = 20): Promise<{ stop(): Promise<AuditLockFigures> }> {
  const head = async () =>
    Number((await sql<{ seq: string | null }[]>`select max(seq)::text as seq from audit_events`)[0]?.seq ?? 0);
  const first = await head();
  const started = performance.now();
  const waiting: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity
        where wait_event_type = 'Lock' and pid <> pg_backend_pid()
          and (query ilike 'commit%' or query like '%audit_head%')`;
      waiting.push(row?.n ?? 0);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  let stopped: Promise<AuditLockFigures> | null = null;
  const finish = async (): Promise<AuditLockFigures> => {
    running = false;
    await loop;
    const seconds = (performance.now() - started) / 1000;
    const appended = (await head()) - first;
    const samples = waiting.length;
    return {
      auditedPerSecond: appended / seconds,
      meanWaiting: samples ? waiting.reduce((a, b) => a + b, 0) / samples : 0,
      maxWaiting: samples ? Math.max(...waiting) : 0,
      busyShare: samples ? waiting.filter((n) => n > 0).length / samples : 0,
      samples,
    };
  };
  // Safe to call twice (once with the result, once in a finally).
  return { stop: () => (stopped ??= finish()) };
}

export function describeAuditLock(label: string, f: AuditLockFigures): string {
  return (
    `${label}: ${f.auditedPerSecond.toFixed(0)} audited writes/s, waiting for the audit lock ` +
    `mean ${f.meanWaiting.toFixed(2)} max ${f.maxWaiting} (some waiting in ${(f.busyShare * 100).toFixed(0)} % of ${f.samples} samples)`
  );
}
