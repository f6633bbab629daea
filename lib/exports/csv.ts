import Papa from "papaparse";
import type { PackAuditEvent, PackEvidence } from "./data";

/**
 * RFC 4180 CSV (quoted where needed, CRLF line ends) with a byte-order mark so spreadsheet
 * programs read UTF-8. Cells starting with = + - @ (or tab, CR) get a leading single quote: names,
 * reasons and details are user-supplied, and a spreadsheet would otherwise run them as formulas.
 */
function toCsv(fields: string[], rows: unknown[][]): Buffer {
  return Buffer.from(`\uFEFF${Papa.unparse({ fields, data: rows }, { escapeFormulae: true, newline: "\r\n" })}\r\n`, "utf8");
}

/** The custody log of the items in the pack, oldest first per item, in exhibit order. */
export function custodyCsv(items: readonly PackEvidence[]): Buffer {
  const rows = items.flatMap((item) => item.custody.map((e) => [item.exhibitNo, item.id, e.at, e.action, e.actor, e.ip ?? "", JSON.stringify(e.detail)]));
  return toCsv(["exhibit", "evidence_id", "time", "action", "actor", "ip", "detail"], rows);
}

/** The case's audit events with their chain hashes, oldest first. */
export function auditCsv(events: readonly PackAuditEvent[]): Buffer {
  const rows = events.map((e) => [e.seq, e.at, e.actor, e.action, e.entityType, e.entityId ?? "", JSON.stringify(e.detail), e.prevHash, e.hash]);
  return toCsv(["seq", "time", "actor", "action", "entity_type", "entity_id", "detail", "prev_hash", "hash"], rows);
}
