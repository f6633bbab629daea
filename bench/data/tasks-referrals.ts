import { caseStatuses, referralDestinations, type TaskKind, type TaskStatus } from "@/db/schema";
import type { CasesModel } from "./cases";
import type { Cell } from "./copy";
import { caseEnd, type EvidenceIndex, worker } from "./notes-evidence";
import type { Random } from "./random";
import type { UsersModel } from "./users";

export const TASK_COLUMNS = ["id", "case_id", "kind", "title", "owner_id", "due_at", "status", "completion_note", "evidence_id", "template_id", "template_step", "position", "completed_at", "created_by_id", "created_at", "updated_at"] as const;
export const REFERRAL_COLUMNS = ["id", "case_id", "destination", "destination_name", "status", "reference_no", "submitted_at", "acknowledged_at", "closed_at", "contact", "deadline_at", "notes", "created_by_id", "created_at", "updated_at"] as const;

const DAY = 86_400_000;
// The standard remediation steps, in template order (see domain/red-flags.md).
const templateSteps: [TaskKind, string][] = [
  ["preserve_evidence", "Preserve evidence: image the device and export logs"],
  ["revoke_access", "Revoke access everywhere"],
  ["rotate_secrets", "Rotate every secret the worker could reach"],
  ["recover_device", "Recover the device and check for an attached KVM"],
  ["stop_payroll", "Stop payroll and hold final pay"],
  ["review_access", "Review code and data access for backdoors and exfiltration"],
  ["hunt_personas", "Hunt linked personas through shared identifiers"],
  ["notify_vendor", "Notify the staffing vendor"],
  ["notify_customers", "Notify customers and regulators where data was exposed"],
  ["correct_records", "Correct records for a stolen identity"],
];

function taskStatus(random: Random, open: boolean): TaskStatus {
  return open ? random.weighted([["todo", 45], ["in_progress", 25], ["done", 25], ["not_applicable", 5]]) : random.weighted([["done", 88], ["not_applicable", 12]]);
}

/** Template tasks first (unique per case and step), then ad-hoc ones; open cases have overdue ones. */
export function* taskRows(random: Random, m: CasesModel, users: UsersModel, perCase: Uint32Array, evidence: EvidenceIndex, evidencePerCase: Uint32Array, now: number): Generator<Cell[]> {
  for (let i = 0; i < m.n; i++) {
    const open = Number.isNaN(m.closed[i] ?? NaN);
    // Remediation starts at containment, or at opening for cases never contained.
    const contained = m.contained[i] ?? NaN;
    const start = Number.isNaN(contained) ? (m.opened[i] ?? now) : contained;
    const end = caseEnd(m, i, now);
    for (let k = 0; k < (perCase[i] ?? 0); k++) {
      const fromTemplate = k < templateSteps.length;
      const [kind, title] = fromTemplate ? (templateSteps[k] ?? ["other", "Follow up"]) : ["other" as TaskKind, `Follow up ${k - templateSteps.length + 1}`];
      const status = taskStatus(random, open);
      const due = start + random.int(0, 21) * DAY;
      const finished = status === "done" || status === "not_applicable";
      const completed = finished ? Math.min(end, due + random.int(-5, 5) * DAY) : NaN;
      const evCount = evidencePerCase[i] ?? 0;
      const evidenceId = finished && evCount > 0 && random.chance(0.3) ? evidence.ids[(evidence.start[i] ?? 0) + random.int(0, evCount - 1)] : null;
      const owner = users.ids[worker(random, m, i)];
      yield [
        random.uuid(), m.ids[i], kind, title, owner, new Date(due), status, finished ? "Done and recorded" : null, evidenceId,
        fromTemplate ? "fake-remote-worker" : null, fromTemplate ? k + 1 : null, k,
        Number.isNaN(completed) ? null : new Date(Math.max(completed, start)), users.ids[m.lead[i] ?? 0], new Date(start), new Date(Number.isNaN(completed) ? start : Math.max(completed, start)),
      ];
    }
  }
}

/** Cases that went through `referred` get a referral first; the rest of the target are drafts on contained cases. */
export function referralCases(random: Random, m: CasesModel, target: number): number[] {
  const referred: number[] = [];
  const contained: number[] = [];
  for (let i = 0; i < m.n; i++) {
    if (!Number.isNaN(m.referred[i] ?? NaN)) referred.push(i);
    else if (!Number.isNaN(m.contained[i] ?? NaN)) contained.push(i);
  }
  const picked = referred.slice(0, target);
  // A second referral (another agency) for some referred cases, then drafts elsewhere.
  for (let k = 0; picked.length < target && k < referred.length; k++) if (random.chance(0.25)) picked.push(referred[k] ?? 0);
  for (let k = 0; picked.length < target && k < contained.length; k++) picked.push(contained[k] ?? 0);
  return picked.sort((a, b) => a - b);
}

export function* referralRows(random: Random, m: CasesModel, users: UsersModel, cases: number[], now: number): Generator<Cell[]> {
  for (const i of cases) {
    const referredAt = m.referred[i] ?? NaN;
    const caseStatus = caseStatuses[m.status[i] ?? 0];
    const created = Number.isNaN(referredAt) ? (m.contained[i] ?? now) : referredAt - random.int(1, 5) * DAY;
    const status = Number.isNaN(referredAt) ? "draft" : caseStatus === "closed" ? random.weighted([["closed", 80], ["declined", 10], ["acknowledged", 10]]) : random.weighted([["submitted", 60], ["acknowledged", 40]]);
    const submitted = status === "draft" ? NaN : referredAt;
    const acknowledged = status === "acknowledged" || status === "closed" ? Math.min(now, submitted + random.int(2, 20) * DAY) : NaN;
    const closedAt = status === "closed" || status === "declined" ? (m.closed[i] ?? now) : NaN;
    const destination = random.weighted(referralDestinations.map((d) => [d, d === "fbi_ic3" ? 40 : d === "ofac_vsd" || d === "uk_nca_sar" ? 12 : 5] as const));
    const legal = (m.members[i] ?? []).find(([, role]) => role === "legal")?.[0] ?? m.lead[i] ?? 0;
    const date = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms));
    yield [
      random.uuid(), m.ids[i], destination, destination === "other" ? "Regional cybercrime unit" : null, status,
      status === "draft" ? null : `REF-${random.int(100000, 999999)}`, date(submitted), date(acknowledged), date(closedAt),
      random.chance(0.5) ? "Duty agent, cyber desk" : null, new Date(created + random.int(5, 30) * DAY), "",
      users.ids[legal], new Date(created), new Date(Math.max(created, ...[submitted, acknowledged, closedAt].filter((v) => !Number.isNaN(v)))),
    ];
  }
}
