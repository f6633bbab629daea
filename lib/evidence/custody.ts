import { toCsv } from "@/lib/csv";
import type { Tx } from "@/db";
import { custodyEvents, type CustodyAction } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import type { CustodyEventView } from "./views";

export interface CustodyInput {
  evidenceId: string;
  action: CustodyAction;
  actor: Actor | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

// Six parameters a row: batches stay well under PostgreSQL's 65,535 per statement.
const CUSTODY_BATCH = 5000;

/**
 * Appends to items' custody logs inside the caller's transaction (the table refuses updates and
 * deletes), many events per statement: an export logs one per packed item.
 */
export async function recordCustody(tx: Tx, input: CustodyInput | readonly CustodyInput[]): Promise<void> {
  const events = Array.isArray(input) ? input : [input as CustodyInput];
  for (let start = 0; start < events.length; start += CUSTODY_BATCH) {
    await tx.insert(custodyEvents).values(
      events.slice(start, start + CUSTODY_BATCH).map((e) => ({
        evidenceId: e.evidenceId,
        action: e.action,
        actorId: e.actor?.id ?? null,
        actorLabel: e.actor ? actorLabel(e.actor) : "system",
        ip: e.ip ?? null,
        detail: e.detail ?? {},
      })),
    );
  }
}

/**
 * A custody event's detail as readers see it. Uploads once recorded whether their bytes were
 * new to the store (`storedNew`); those rows cannot be rewritten (the log is append-only), so the
 * field is dropped on the way out: it told an uploader that the same file sat in another case.
 */
export function custodyDetailForReaders(detail: Record<string, unknown>): Record<string, unknown> {
  if (!("storedNew" in detail)) return detail;
  const { storedNew: _storedNew, ...rest } = detail;
  return rest;
}

/** The custody log as CSV, oldest first (formulas defused: file names and reasons are user-supplied). */
export function custodyToCsv(items: CustodyEventView[]): string {
  return toCsv(
    ["time", "action", "actor", "ip", "detail"],
    items.map((e) => [e.at, e.action, e.actor, e.ip ?? "", JSON.stringify(e.detail)]),
  );
}
