import { toCsv as csvText, type CsvCell } from "@/lib/csv";
import type { PackAuditEvent, PackEvidence } from "./data";

const toCsv = (fields: string[], rows: CsvCell[][]): Buffer => Buffer.from(csvText(fields, rows), "utf8");

/** The custody log of the items in the pack, oldest first per item, in exhibit order. */
export function custodyCsv(items: readonly PackEvidence[]): Buffer {
  const rows = items.flatMap((item) =>
    item.custody.map((e) => [item.exhibitNo, item.id, e.at, e.action, e.actor, e.ip ?? "", JSON.stringify(e.detail)]),
  );
  return toCsv(["exhibit", "evidence_id", "time", "action", "actor", "ip", "detail"], rows);
}

/** The case's audit events with their chain hashes, oldest first. */
export function auditCsv(events: readonly PackAuditEvent[]): Buffer {
  const rows = events.map((e) => [
    e.seq,
    e.at,
    e.actor,
    e.action,
    e.entityType,
    e.entityId ?? "",
    JSON.stringify(e.detail),
    e.prevHash,
    e.hash,
  ]);
  return toCsv(["seq", "time", "actor", "action", "entity_type", "entity_id", "detail", "prev_hash", "hash"], rows);
}
