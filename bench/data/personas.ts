import { personaLinkRelations } from "@/db/schema";
import type { CasesModel } from "./cases";
import type { Cell } from "./copy";
import type { PersonaGraph } from "./graph";
import type { EvidenceIndex } from "./notes-evidence";
import type { Random } from "./random";
import type { UsersModel } from "./users";
import { employers, locations, nationalities, personName, redFlagCodes, timezones, universities } from "./vocab";

export const PERSONA_COLUMNS = ["id", "display_name", "aliases", "claimed_location", "claimed_timezone", "claimed_nationality", "claimed_education", "claimed_employers", "status", "notes", "photo_evidence_id", "risk_score", "version", "created_by_id", "created_at", "updated_at"] as const;
export const CASE_PERSONA_COLUMNS = ["case_id", "persona_id", "role", "added_by_id", "added_at"] as const;
export const LINK_COLUMNS = ["id", "from_persona_id", "to_persona_id", "relation", "status", "confidence", "rationale", "evidence_id", "created_by_id", "created_at", "updated_at"] as const;
export const RED_FLAG_COLUMNS = ["id", "persona_id", "code", "note", "evidence_id", "recorded_by_id", "recorded_at"] as const;

export interface PersonasModel {
  ids: string[];
  /** The case each persona was first recorded in; networks cluster in cases close in time. */
  caseOf: Uint32Array;
  flags: number[][];
}

export function buildPersonas(random: Random, graph: PersonaGraph, cases: CasesModel): PersonasModel {
  const caseOf = new Uint32Array(graph.personas);
  for (let p = 0; p < graph.personas; p++) caseOf[p] = random.int(0, cases.n - 1);
  for (const net of graph.networks) {
    // A network surfaces across a run of cases opened around the same time.
    const spread = Math.max(1, Math.ceil(net.size / 3));
    const first = random.int(0, Math.max(0, cases.n - spread));
    for (let j = 0; j < net.size; j++) caseOf[net.start + j] = first + random.int(0, spread - 1);
  }
  const flags = Array.from({ length: graph.personas }, (_, p) => {
    const n = random.weighted([[0, 25], [1, 30], [2, 25], [3, 12], [5, 8]]) + (graph.networkOf[p] === -1 ? 0 : 1);
    return random.sample(redFlagCodes.length, n);
  });
  return { ids: Array.from({ length: graph.personas }, () => random.uuid()), caseOf, flags };
}

const at = (cases: CasesModel, i: number, hours: number) => new Date((cases.opened[i] ?? 0) + hours * 3_600_000);

export function* personaRows(random: Random, m: PersonasModel, cases: CasesModel, users: UsersModel, evidence: EvidenceIndex, evidencePerCase: Uint32Array): Generator<Cell[]> {
  for (let p = 0; p < m.ids.length; p++) {
    const c = m.caseOf[p] ?? 0;
    const status = random.weighted([["suspected", 55], ["confirmed", 35], ["cleared", 5], ["stolen_identity_victim", 5]]);
    const photo = (evidencePerCase[c] ?? 0) > 0 && random.chance(0.2) ? evidence.ids[evidence.start[c] ?? 0] : null;
    const education = JSON.stringify([{ name: random.pick(universities), verification: random.pick(["unverified", "failed", "verified"]) }]);
    const jobs = JSON.stringify([{ name: random.pick(employers), detail: "Senior engineer", verification: random.pick(["unverified", "failed"]) }]);
    const created = at(cases, c, random.int(1, 72));
    const aliases = random.chance(0.3) ? [personName(random)] : [];
    yield [m.ids[p], personName(random), aliases, `${random.pick(locations)}`, random.pick(timezones), random.pick(nationalities), education, jobs, status, "", photo, Math.min(100, (m.flags[p]?.length ?? 0) * 15 + random.int(0, 10)), 1, users.ids[cases.lead[c] ?? 0], created, created];
  }
}

/** Each persona in its first case (the first one recorded there is the subject), some in a second. */
export function* casePersonaRows(random: Random, m: PersonasModel, cases: CasesModel, users: UsersModel): Generator<Cell[]> {
  const hasSubject = new Uint8Array(cases.n);
  for (let p = 0; p < m.ids.length; p++) {
    const c = m.caseOf[p] ?? 0;
    const role = hasSubject[c] ? random.weighted([["associate", 60], ["facilitator", 30], ["victim", 10]]) : "subject";
    hasSubject[c] = 1;
    yield [cases.ids[c], m.ids[p], role, users.ids[cases.lead[c] ?? 0], at(cases, c, 2)];
    if (random.chance(0.1)) {
      const other = random.int(0, cases.n - 1);
      if (other !== c) yield [cases.ids[other], m.ids[p], "associate", users.ids[cases.lead[other] ?? 0], at(cases, other, 5)];
    }
  }
}

/** Explicit links inside networks (about one per three members), a tenth of them rejected suggestions. */
export function* personaLinkRows(random: Random, graph: PersonaGraph, m: PersonasModel, cases: CasesModel, users: UsersModel): Generator<Cell[]> {
  for (const net of graph.networks) {
    const seen = new Set<string>();
    for (let k = 0; k < Math.max(1, Math.round((net.size - 1) / 3)); k++) {
      const a = net.start + random.int(0, net.size - 1);
      const b = net.start + random.int(0, net.size - 1);
      const relation = random.weighted(personaLinkRelations.map((r) => [r, r === "associated" ? 40 : r === "operated_by" ? 25 : 10] as const));
      const key = `${a}:${b}:${relation}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      const c = m.caseOf[a] ?? 0;
      const when = at(cases, c, random.int(24, 500));
      yield [random.uuid(), m.ids[a], m.ids[b], relation, random.chance(0.1) ? "rejected" : "confirmed", random.int(40, 95), "Shared identifiers and matching onboarding records", null, users.ids[cases.lead[c] ?? 0], when, when];
    }
  }
}

export function* redFlagRows(random: Random, m: PersonasModel, cases: CasesModel, users: UsersModel): Generator<Cell[]> {
  for (let p = 0; p < m.ids.length; p++) {
    const c = m.caseOf[p] ?? 0;
    for (const code of m.flags[p] ?? []) yield [random.uuid(), m.ids[p], redFlagCodes[code], null, null, users.ids[cases.lead[c] ?? 0], at(cases, c, random.int(1, 200))];
  }
}

/** The persona-identifier links, a third of them citing an evidence item of the persona's case. */
export function* personaIdentifierRows(random: Random, graph: PersonaGraph, m: PersonasModel, identifierIds: string[], cases: CasesModel, users: UsersModel, evidence: EvidenceIndex, evidencePerCase: Uint32Array): Generator<Cell[]> {
  for (let k = 0; k < graph.links; k++) {
    const p = graph.linkPersona[k] ?? 0;
    const c = m.caseOf[p] ?? 0;
    const ev = evidencePerCase[c] ?? 0;
    const source = ev > 0 && random.chance(0.33) ? evidence.ids[(evidence.start[c] ?? 0) + random.int(0, ev - 1)] : null;
    const when = at(cases, c, random.int(1, 300));
    yield [m.ids[p], identifierIds[graph.linkIdentifier[k] ?? 0], source, random.int(30, 100), users.ids[cases.lead[c] ?? 0], when, when];
  }
}
