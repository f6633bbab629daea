import { evidenceKinds, type EvidenceKind } from "@/db/schema";
import type { CasesModel } from "./cases";
import type { Cell } from "./copy";
import type { Random } from "./random";
import type { UsersModel } from "./users";
import { paragraph } from "./vocab";

export const NOTE_COLUMNS = ["id", "case_id", "author_id", "body", "created_at", "updated_at"] as const;
export const EVIDENCE_COLUMNS = ["id", "case_id", "exhibit_no", "title", "kind", "description", "sha256", "size", "mime_type", "claimed_mime_type", "original_name", "collected_at", "collected_by", "source", "privileged", "legal_hold", "hold_reason", "uploaded_by_id", "created_at"] as const;

/** When the case stopped changing: closed, or now for open cases. */
export function caseEnd(m: CasesModel, i: number, now: number): number {
  const closed = m.closed[i] ?? NaN;
  return Number.isNaN(closed) ? now : closed;
}

/** Someone who works the case: the lead most of the time, else a member. */
export function worker(random: Random, m: CasesModel, i: number): number {
  const members = m.members[i] ?? [];
  const member = members.length > 0 && random.chance(0.35) ? random.pick(members) : undefined;
  return member ? member[0] : (m.lead[i] ?? 0);
}

export interface NoteEvent {
  caseIndex: number;
  noteId: string;
  author: number;
  at: number;
  length: number;
}

/** Notes per case (skewed), each written while the case was open; `onNote` sees every row. */
export function* noteRows(random: Random, m: CasesModel, users: UsersModel, perCase: Uint32Array, now: number, onNote: (e: NoteEvent) => void): Generator<Cell[]> {
  for (let i = 0; i < m.n; i++) {
    const start = m.opened[i] ?? now;
    const end = caseEnd(m, i, now);
    for (let k = 0; k < (perCase[i] ?? 0); k++) {
      const id = random.uuid();
      const author = worker(random, m, i);
      const at = start + random.next() * Math.max(end - start, 60_000);
      const body = paragraph(random, 6);
      onNote({ caseIndex: i, noteId: id, author, at, length: body.length });
      yield [id, m.ids[i], users.ids[author], body, new Date(at), new Date(at)];
    }
  }
}

const mimeByKind: Record<EvidenceKind, string> = {
  document: "application/pdf",
  screenshot: "image/png",
  chat_log: "text/plain",
  email: "message/rfc822",
  hr_record: "application/pdf",
  network_log: "application/json",
  interview_recording: "video/mp4",
  code: "text/plain",
  other: "application/octet-stream",
};
const extByKind: Record<EvidenceKind, string> = { document: "pdf", screenshot: "png", chat_log: "txt", email: "eml", hr_record: "pdf", network_log: "json", interview_recording: "mp4", code: "txt", other: "bin" };
const medianBytes: Record<EvidenceKind, number> = { document: 400_000, screenshot: 250_000, chat_log: 30_000, email: 60_000, hr_record: 200_000, network_log: 2_000_000, interview_recording: 200_000_000, code: 50_000, other: 500_000 };
const kindWeights = evidenceKinds.map((k) => [k, k === "screenshot" ? 25 : k === "chat_log" || k === "document" ? 15 : k === "interview_recording" ? 4 : 8] as const);

/** A file that really exists in storage, for rows that must be readable. */
export interface RealFile {
  sha256: string;
  size: number;
  mimeType: string;
  name: string;
  kind: EvidenceKind;
}

export interface EvidenceIndex {
  ids: string[];
  /** First evidence index of each case; the case's items are contiguous. */
  start: Uint32Array;
}

/** Metadata-only evidence; the first items of case `realCase` point at `realFiles`. */
export function* evidenceRows(random: Random, m: CasesModel, users: UsersModel, perCase: Uint32Array, now: number, index: EvidenceIndex, real: { realCase: number; files: RealFile[] }): Generator<Cell[]> {
  let next = 0;
  for (let i = 0; i < m.n; i++) {
    index.start[i] = next;
    const start = m.opened[i] ?? now;
    const end = caseEnd(m, i, now);
    const holdAll = !Number.isNaN(m.referred[i] ?? NaN);
    for (let k = 0; k < (perCase[i] ?? 0); k++, next++) {
      const id = random.uuid();
      index.ids.push(id);
      const file = i === real.realCase ? real.files[k] : undefined;
      const kind = file?.kind ?? random.weighted(kindWeights);
      const created = start + random.next() * Math.max(end - start, 60_000);
      const uploader = worker(random, m, i);
      const exhibit = k + 1;
      yield [
        id, m.ids[i], exhibit, `${kind.replace("_", " ")} ${exhibit}`, kind, random.chance(0.3) ? paragraph(random, 2) : "",
        file?.sha256 ?? random.sha256Hex(), file?.size ?? Math.round(medianBytes[kind] * random.lognormal(1)),
        file?.mimeType ?? mimeByKind[kind], file ? null : random.chance(0.05) ? "application/octet-stream" : mimeByKind[kind],
        file?.name ?? `E-${String(exhibit).padStart(3, "0")}_${kind}.${extByKind[kind]}`,
        new Date(created - random.int(0, 72) * 3_600_000), users.labels[uploader], random.pick(["EDR export", "HR system", "Email archive", "Interview recording", "VPN logs", "Vendor"]),
        random.chance(0.03), holdAll, holdAll ? "Referred to an authority" : null, users.ids[uploader], new Date(created),
      ];
    }
  }
}
