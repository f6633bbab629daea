import { caseStatuses, type CaseStatus, severities } from "@/db/schema";
import type { Cell } from "./copy";
import type { Random } from "./random";
import type { UsersModel } from "./users";
import { accessLevels, caseTitle, channels, locations, paragraph, personName, roles, tags, teams } from "./vocab";

const DAY = 86_400_000;
const SPAN = 3 * 365 * DAY;

/** Per-case facts later tables need (times as epoch ms, NaN when the step never happened). */
export interface CasesModel {
  n: number;
  ids: string[];
  refs: string[];
  titles: string[];
  status: Uint8Array;
  severity: Uint8Array;
  lead: Uint32Array;
  opened: Float64Array;
  investigating: Float64Array;
  contained: Float64Array;
  referred: Float64Array;
  closed: Float64Array;
  /** Users on the case besides the lead, as [userIndex, role] pairs. */
  members: [number, "investigator" | "legal" | "observer"][][];
  counters: Map<number, number>;
}

export const CASE_COLUMNS = ["id", "ref", "title", "summary", "status", "severity", "lead_id", "subject_name", "subject_role", "subject_team", "subject_hiring_channel", "subject_start_date", "subject_access_level", "subject_location", "tags", "due_date", "opened_at", "contained_at", "closed_at", "closing_reason", "exhibit_counter", "version", "created_by_id", "created_at", "updated_at"] as const;
export const MEMBER_COLUMNS = ["case_id", "user_id", "role", "added_by_id", "added_at"] as const;

const statusIndex = (s: CaseStatus) => caseStatuses.indexOf(s);

/** Where a case of this age has got to: recent cases are open, old ones mostly closed. */
function finalStatus(random: Random, ageDays: number): CaseStatus {
  if (ageDays < 14) return random.weighted([["triage", 40], ["investigating", 50], ["contained", 10]]);
  if (ageDays < 90) return random.weighted([["investigating", 30], ["contained", 20], ["referred", 10], ["closed", 25], ["cleared", 15]]);
  return random.weighted([["closed", 75], ["cleared", 20], ["referred", 3], ["contained", 1], ["investigating", 1]]);
}

/** Dates over three years, denser towards now (case load grows). */
export function buildCases(random: Random, n: number, users: UsersModel, now: number, counters = new Map<number, number>()): CasesModel {
  const opened = Float64Array.from({ length: n }, () => now - SPAN * (1 - Math.pow(random.next(), 0.8)) - random.int(0, 3600_000)).sort();
  const m: CasesModel = {
    n,
    ids: [],
    refs: [],
    titles: [],
    status: new Uint8Array(n),
    severity: new Uint8Array(n),
    lead: new Uint32Array(n),
    opened,
    investigating: new Float64Array(n).fill(NaN),
    contained: new Float64Array(n).fill(NaN),
    referred: new Float64Array(n).fill(NaN),
    closed: new Float64Array(n).fill(NaN),
    members: [],
    // Numbering continues after any references the database has already handed out.
    counters: new Map(counters),
  };
  const investigators = users.byRole.investigator;
  const legal = users.byRole.legal;
  for (let i = 0; i < n; i++) {
    const t0 = opened[i] ?? now;
    const year = new Date(t0).getUTCFullYear();
    const next = (m.counters.get(year) ?? 0) + 1;
    m.counters.set(year, next);
    m.ids.push(random.uuid());
    m.refs.push(`CASE-${year}-${String(next).padStart(4, "0")}`);
    const status = finalStatus(random, (now - t0) / DAY);
    m.status[i] = statusIndex(status);
    m.severity[i] = random.weighted([[0, 30], [1, 42], [2, 22], [3, 6]]);
    // A few investigators lead most cases; an admin leads the odd one.
    m.lead[i] = random.chance(0.03) ? random.pick(users.byRole.admin) : (investigators[random.skewed(investigators.length, 2)] ?? 0);
    // Each step happens a little after the previous one, never after now.
    let t = t0;
    const step = (min: number, max: number) => (t = Math.min(now - 60_000, t + random.int(min * 24, max * 24) * 3_600_000 + random.int(0, 3_600_000)));
    const through = (s: CaseStatus) => statusIndex(status) >= statusIndex(s) && status !== "cleared";
    if (through("investigating") || (status === "cleared" && random.chance(0.7))) m.investigating[i] = step(0, 3);
    if (through("contained")) m.contained[i] = step(1, 20);
    const viaReferral = status === "referred" || (status === "closed" && random.chance(0.3));
    if (viaReferral) m.referred[i] = step(5, 30);
    if (status === "closed" || status === "cleared") m.closed[i] = step(5, 120);
    const members: CasesModel["members"][number] = [];
    const wanted = random.weighted([[0, 35], [1, 35], [2, 20], [3, 10]]);
    for (let k = 0; k < wanted; k++) {
      const legalSeat = viaReferral && k === 0;
      const user = legalSeat ? random.pick(legal) : (investigators[random.int(0, investigators.length - 1)] ?? 0);
      if (user === m.lead[i] || members.some(([u]) => u === user)) continue;
      members.push([user, legalSeat ? "legal" : random.chance(0.8) ? "investigator" : "observer"]);
    }
    m.members.push(members);
  }
  return m;
}

const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms));
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Number of workflow steps the case took: each one bumped the version. */
export function transitionCount(m: CasesModel, i: number): number {
  return [m.investigating, m.contained, m.referred, m.closed].filter((a) => !Number.isNaN(a[i] ?? NaN)).length;
}

export function lastActivity(m: CasesModel, i: number): number {
  return Math.max(...[m.opened, m.investigating, m.contained, m.referred, m.closed].map((a) => a[i] ?? NaN).filter((v) => !Number.isNaN(v)));
}

export function* caseRows(random: Random, m: CasesModel, users: UsersModel, exhibits: Uint32Array): Generator<Cell[]> {
  for (let i = 0; i < m.n; i++) {
    const subject = personName(random);
    const role = random.pick(roles);
    const title = caseTitle(random, subject, role);
    m.titles.push(title);
    const opened = m.opened[i] ?? 0;
    const status = caseStatuses[m.status[i] ?? 0] ?? "triage";
    const closed = m.closed[i] ?? NaN;
    const leadId = users.ids[m.lead[i] ?? 0] ?? null;
    const caseTags = random.sample(tags.length, random.weighted([[0, 20], [1, 30], [2, 30], [3, 15], [4, 5]])).map((k) => tags[k] ?? "vendor");
    const due = random.chance(0.7) ? day(opened + random.int(30, 90) * DAY) : null;
    yield [
      m.ids[i], m.refs[i], title, paragraph(random, 4), status, severities[m.severity[i] ?? 0], leadId,
      subject, role, random.pick(teams), random.pick(channels), day(opened - random.int(30, 400) * DAY), random.pick(accessLevels), `${random.pick(locations)} (claimed)`,
      caseTags, due, new Date(opened), iso(m.contained[i] ?? NaN), iso(closed),
      Number.isNaN(closed) ? null : status === "cleared" ? "False alarm: identity verified in person" : "Contained, remediated and reported",
      exhibits[i] ?? 0, 1 + transitionCount(m, i), leadId, new Date(opened), new Date(lastActivity(m, i)),
    ];
  }
}

export function* memberRows(m: CasesModel, users: UsersModel): Generator<Cell[]> {
  for (let i = 0; i < m.n; i++) {
    const added = new Date((m.opened[i] ?? 0) + 3_600_000);
    for (const [user, role] of m.members[i] ?? []) yield [m.ids[i], users.ids[user], role, users.ids[m.lead[i] ?? 0], added];
  }
}
