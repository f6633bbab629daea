import type { Sql } from "postgres";
import { GENESIS_HASH } from "@/lib/audit/chain";
import { auditRows, caseEvents, noteEvent, type PlannedEvent, AUDIT_COLUMNS } from "./audit";
import { buildCases, CASE_COLUMNS, caseRows, MEMBER_COLUMNS, memberRows } from "./cases";
import { markPersonasScored, settleEvidenceText } from "./background";
import { type CopyStats, copyRows } from "./copy";
import { writeRealFiles } from "./files";
import { buildGraph } from "./graph";
import { IDENTIFIER_COLUMNS, identifierRows, PERSONA_IDENTIFIER_COLUMNS } from "./identifiers";
import { EVIDENCE_COLUMNS, type EvidenceIndex, evidenceRows, NOTE_COLUMNS, noteRows } from "./notes-evidence";
import { buildPersonas, CASE_PERSONA_COLUMNS, casePersonaRows, LINK_COLUMNS, PERSONA_COLUMNS, personaIdentifierRows, personaLinkRows, personaRows, RED_FLAG_COLUMNS, redFlagRows } from "./personas";
import { apportion, Random } from "./random";
import type { ScaleCounts } from "./scale";
import { REFERRAL_COLUMNS, referralCases, referralRows, TASK_COLUMNS, taskRows } from "./tasks-referrals";
import { buildUsers, USER_COLUMNS } from "./users";

export interface LoadOptions {
  sql: Sql;
  counts: ScaleCounts;
  seed: number;
  passwordHash: string;
  dataDir: string;
  now: number;
  /** Domain of the generated users' emails (tests use a unique one). */
  emailDomain?: string;
}

const REAL_FILES = 12;

function deferred() {
  let resolve = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** Generates the whole data set in dependency order, streaming every table through COPY. */
export async function loadDataSet(o: LoadOptions): Promise<CopyStats[]> {
  const { sql, counts, now } = o;
  const random = new Random(o.seed);
  const stats: CopyStats[] = [];
  const copy = async (table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>) => {
    stats.push(await copyRows(sql, table, columns, rows as Iterable<never>));
  };

  const users = buildUsers(random, counts.users, o.passwordHash, now, o.emailDomain);
  await copy("users", USER_COLUMNS, users.rows);
  const refCounters = await sql<{ year: number; last: number }[]>`select year, last from case_ref_counters`;
  const cases = buildCases(random, counts.cases, users.model, now, new Map(refCounters.map((r) => [r.year, r.last])));
  const open = (i: number) => (Number.isNaN(cases.closed[i] ?? NaN) ? 1.5 : 1);
  const notesPerCase = apportion(counts.notes, Array.from({ length: cases.n }, (_, i) => random.lognormal(1) * open(i)));
  const evidencePerCase = apportion(counts.evidence, Array.from({ length: cases.n }, () => random.lognormal(1.2)));
  const tasksPerCase = apportion(counts.tasks, Array.from({ length: cases.n }, (_, i) => (Number.isNaN(cases.contained[i] ?? NaN) ? 0.3 : 1) * random.lognormal(0.5)));
  let realCase = 0;
  evidencePerCase.forEach((n, i) => {
    if (n > (evidencePerCase[realCase] ?? 0)) realCase = i;
  });

  await copy("cases", CASE_COLUMNS, caseRows(random, cases, users.model, evidencePerCase));
  await copy("case_members", MEMBER_COLUMNS, memberRows(cases, users.model));
  for (const [year, last] of cases.counters) {
    await sql`insert into case_ref_counters (year, last) values (${year}, ${last}) on conflict (year) do update set last = greatest(case_ref_counters.last, excluded.last)`;
  }

  // Three streams from here on, each on its own connection and with its own generator (so the
  // data does not depend on how they interleave); a stream waits only for the tables it cites.
  const events: PlannedEvent[] = caseEvents(cases);
  const evidence: EvidenceIndex = { ids: [], start: new Uint32Array(cases.n) };
  const identifierIds: string[] = [];
  const graph = buildGraph(random, counts.personas, counts.identifiers, counts.personaIdentifiers);
  if (graph.identifiers !== counts.identifiers || graph.links !== counts.personaIdentifiers) {
    process.stdout.write(`  note: graph came out at ${graph.identifiers} identifiers and ${graph.links} links (asked ${counts.identifiers} / ${counts.personaIdentifiers})\n`);
  }
  const personas = buildPersonas(random, graph, cases);
  const done = { evidence: deferred(), personas: deferred(), identifiers: deferred() };

  const notesAndTasks = async (r: Random) => {
    // The log gets each case's own history, then note events (an exact sample) up to the activity budget.
    let wanted = Math.max(0, counts.auditEvents - events.length);
    let left = counts.notes;
    await copy("case_notes", NOTE_COLUMNS, noteRows(r, cases, users.model, notesPerCase, now, (e) => {
      if (r.next() * left-- < wanted) {
        events.push(noteEvent(e));
        wanted--;
      }
    }));
    await done.evidence.promise;
    await copy("remediation_tasks", TASK_COLUMNS, taskRows(r, cases, users.model, tasksPerCase, evidence, evidencePerCase, now));
    await copy("referrals", REFERRAL_COLUMNS, referralRows(r, cases, users.model, referralCases(r, cases, counts.referrals), now));
  };
  const evidenceAndPersonas = async (r: Random) => {
    const files = writeRealFiles(r, o.dataDir, Math.min(REAL_FILES, evidencePerCase[realCase] ?? 0));
    await copy("evidence", EVIDENCE_COLUMNS, evidenceRows(r, cases, users.model, evidencePerCase, now, evidence, { realCase, files }));
    const lead = cases.lead[realCase] ?? 0;
    await copy("custody_events", ["evidence_id", "action", "actor_id", "actor_label", "at", "detail"], files.map((f, k) => [evidence.ids[(evidence.start[realCase] ?? 0) + k], "uploaded", users.model.ids[lead], users.model.labels[lead], new Date(cases.opened[realCase] ?? now), { sha256: f.sha256, size: f.size }]));
    done.evidence.resolve();
    const stored = files.map((_, k) => evidence.ids[(evidence.start[realCase] ?? 0) + k] ?? "");
    await settleEvidenceText(sql, evidence.ids, stored);
    await copy("personas", PERSONA_COLUMNS, personaRows(r, personas, cases, users.model, evidence, evidencePerCase));
    done.personas.resolve();
    await done.identifiers.promise;
    await copy("persona_identifiers", PERSONA_IDENTIFIER_COLUMNS, personaIdentifierRows(r, graph, personas, identifierIds, cases, users.model, evidence, evidencePerCase));
  };
  const identifiersAndLinks = async (r: Random) => {
    const created = (i: number) => new Date(now - ((i * 7919) % 1000) * 86_400_000);
    await copy("identifiers", IDENTIFIER_COLUMNS, identifierRows(r, graph, identifierIds, created));
    done.identifiers.resolve();
    await done.personas.promise;
    await copy("persona_links", LINK_COLUMNS, personaLinkRows(r, graph, personas, cases, users.model));
    await copy("case_personas", CASE_PERSONA_COLUMNS, casePersonaRows(r, personas, cases, users.model));
    await copy("persona_red_flags", RED_FLAG_COLUMNS, redFlagRows(r, personas, cases, users.model));
  };
  const streams = [notesAndTasks, evidenceAndPersonas, identifiersAndLinks].map((stream, k) => stream(new Random(o.seed + k + 1)));
  // A failed stream must not leave the others waiting for it forever.
  streams.forEach((p) => p.catch((error: unknown) => Object.values(done).forEach((d) => d.reject(error))));
  await Promise.all(streams);
  await markPersonasScored(sql, personas.ids);

  // The chain's head row stays locked while the generated events go in after it, so a server
  // writing at the same time cannot fork the chain; then the head moves to the last of them.
  await sql.begin(async (tx) => {
    const [head] = await tx<{ seq: string; hash: string }[]>`select seq::text, hash from audit_head where id = 1 for update`;
    const after = head ? { seq: Number(head.seq), hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
    stats.push(await copyRows(tx as unknown as Sql, "audit_events", AUDIT_COLUMNS, auditRows(events, cases, users.model, after)));
    await tx`update audit_head set (seq, at, prev_hash, hash) = (select seq, at, prev_hash, hash from audit_events order by seq desc limit 1) where id = 1`;
  });
  return stats;
}
