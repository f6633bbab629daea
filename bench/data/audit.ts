import { caseStatuses, severities } from "@/db/schema";
import { canonicalJson, hashEvent } from "@/lib/audit/chain";
import type { CasesModel } from "./cases";
import type { Cell } from "./copy";
import type { NoteEvent } from "./notes-evidence";
import type { UsersModel } from "./users";

export const AUDIT_COLUMNS = ["seq", "at", "actor_id", "actor_label", "action", "entity_type", "entity_id", "case_id", "detail", "prev_hash", "hash"] as const;

export interface PlannedEvent {
  at: number;
  actor: number;
  action: string;
  entityType: string;
  entityId: string;
  caseIndex: number;
  detail: Record<string, unknown>;
}

/** The history every case went through, as the app would have recorded it. */
export function caseEvents(m: CasesModel): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  for (let i = 0; i < m.n; i++) {
    const id = m.ids[i] ?? "";
    const lead = m.lead[i] ?? 0;
    events.push({ at: m.opened[i] ?? 0, actor: lead, action: "case.create", entityType: "case", entityId: id, caseIndex: i, detail: { ref: m.refs[i], title: m.titles[i], severity: severities[m.severity[i] ?? 0], template: null } });
    let from = "triage";
    const final = caseStatuses[m.status[i] ?? 0] ?? "closed";
    const steps: [Float64Array, string][] = [[m.investigating, "investigating"], [m.contained, "contained"], [m.referred, "referred"], [m.closed, final]];
    for (const [times, to] of steps) {
      const at = times[i] ?? NaN;
      if (Number.isNaN(at)) continue;
      const reason = to === "closed" ? "Contained, remediated and reported" : to === "cleared" ? "False alarm: identity verified in person" : undefined;
      events.push({ at, actor: lead, action: "case.transition", entityType: "case", entityId: id, caseIndex: i, detail: reason ? { from, to, reason } : { from, to } });
      from = to;
    }
  }
  return events;
}

export function noteEvent(e: NoteEvent): PlannedEvent {
  return { at: e.at, actor: e.author, action: "note.create", entityType: "note", entityId: e.noteId, caseIndex: e.caseIndex, detail: { length: e.length } };
}

/**
 * The events in time order, each hashed onto the previous one exactly as recordAudit does, so
 * verifyAuditChain accepts the generated log. `after` continues an existing chain.
 */
export function* auditRows(events: PlannedEvent[], m: CasesModel, users: UsersModel, after: { seq: number; hash: string }): Generator<Cell[]> {
  events.sort((a, b) => a.at - b.at);
  let { seq, hash: prevHash } = after;
  for (const e of events) {
    seq++;
    const at = new Date(Math.floor(e.at));
    const detail = JSON.parse(canonicalJson(e.detail)) as Record<string, unknown>;
    const fields = {
      seq,
      at,
      actorId: users.ids[e.actor] ?? null,
      actorLabel: users.labels[e.actor] ?? "system",
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      caseId: m.ids[e.caseIndex] ?? null,
      detail,
      prevHash,
    };
    const hash = hashEvent(fields);
    yield [seq, at, fields.actorId, fields.actorLabel, e.action, e.entityType, e.entityId, fields.caseId, canonicalJson(detail), prevHash, hash];
    prevHash = hash;
  }
}
