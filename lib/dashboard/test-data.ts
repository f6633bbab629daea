import { eq } from "drizzle-orm";
import { db } from "@/db";
import {
  casePersonas,
  cases,
  type CaseStatus,
  identifiers,
  personaIdentifiers,
  personaLinks,
  personaRedFlags,
  personas,
  referrals,
  remediationTasks,
  type Severity,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";

/**
 * A hand-built data set for the summary tests, every figure of which is worked out by hand in
 * summary.test.ts. Its cases share a made-up team and live in 2018-2019, where no other test
 * writes, so the figures hold even when other test files fill the same database.
 */
const h = (hours: number) => hours * 3_600_000;
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface CaseSpec {
  key: string;
  lead: "a" | "b";
  status: CaseStatus;
  severity: Severity;
  opened: string;
  containedAfter?: number;
  closedAfter?: number;
  closedAt?: string;
  channel?: string;
}

const caseSpecs: CaseSpec[] = [
  { key: "c1", lead: "a", status: "triage", severity: "high", opened: "2019-01-02", channel: "Acme Staffing" },
  {
    key: "c2",
    lead: "a",
    status: "investigating",
    severity: "critical",
    opened: "2019-01-09",
    channel: "ACME staffing",
  },
  { key: "c3", lead: "b", status: "contained", severity: "high", opened: "2019-01-10", containedAfter: 10 },
  {
    key: "c4",
    lead: "b",
    status: "closed",
    severity: "low",
    opened: "2019-01-14",
    containedAfter: 20,
    closedAfter: 100,
  },
  {
    key: "c5",
    lead: "a",
    status: "closed",
    severity: "medium",
    opened: "2019-02-01",
    containedAfter: 30,
    closedAfter: 50,
  },
  { key: "c6", lead: "b", status: "cleared", severity: "low", opened: "2019-02-04", closedAfter: 24 },
  { key: "c7", lead: "a", status: "cleared", severity: "medium", opened: "2019-02-11", closedAfter: 72 },
  // Opened before the period, contained inside it: 16 days = 384 hours.
  { key: "c8", lead: "b", status: "referred", severity: "critical", opened: "2018-12-20", containedAfter: 384 },
  // Entirely before the period.
  { key: "c9", lead: "b", status: "closed", severity: "low", opened: "2018-06-01", closedAt: "2018-07-01" },
];

export interface DashboardTestData {
  team: string;
  a: Actor;
  b: Actor;
  manager: Actor;
  legal: Actor;
  caseIds: Record<string, string>;
  taskIds: Record<string, string>;
  referralIds: Record<string, string>;
  personaIds: Record<string, string>;
}

export async function buildDashboardData(): Promise<DashboardTestData> {
  const [a, b, manager, legal] = await Promise.all([
    makeActor("investigator", "Lead A"),
    makeActor("investigator", "Lead B"),
    makeActor("manager"),
    makeActor("legal"),
  ]);
  const team = uniqueWord("team");
  const caseIds: Record<string, string> = {};
  for (const spec of caseSpecs) {
    const created = await makeCase(spec.lead === "a" ? a : b, {
      subject: { team, hiringChannel: spec.channel ?? null },
    });
    const opened = at(spec.opened);
    await db
      .update(cases)
      .set({
        status: spec.status,
        severity: spec.severity,
        openedAt: opened,
        containedAt: spec.containedAfter === undefined ? null : new Date(opened.getTime() + h(spec.containedAfter)),
        closedAt: spec.closedAt
          ? at(spec.closedAt)
          : spec.closedAfter === undefined
            ? null
            : new Date(opened.getTime() + h(spec.closedAfter)),
      })
      .where(eq(cases.id, created.id));
    caseIds[spec.key] = created.id;
  }
  const id = (key: string) => caseIds[key] as string;

  const tasks = [
    { key: "t1", caseId: id("c1"), status: "todo", dueAt: at("2019-01-05") },
    { key: "t2", caseId: id("c1"), status: "done", dueAt: at("2019-01-03") },
    { key: "t3", caseId: id("c1"), status: "in_progress", dueAt: at("2099-01-01") },
    { key: "t4", caseId: id("c3"), status: "in_progress", dueAt: at("2019-01-12") },
    { key: "t5", caseId: id("c3"), status: "not_applicable", dueAt: at("2019-01-01") },
    { key: "t6", caseId: id("c4"), status: "todo", dueAt: at("2019-01-20") },
    { key: "t7", caseId: id("c4"), status: "todo", dueAt: null },
  ] as const;
  const taskRows = await db
    .insert(remediationTasks)
    .values(
      tasks.map((t) => ({
        caseId: t.caseId,
        kind: "other" as const,
        title: `Task ${t.key}`,
        status: t.status,
        dueAt: t.dueAt,
        ownerId: a.id,
      })),
    )
    .returning({ id: remediationTasks.id, title: remediationTasks.title });
  const taskIds = Object.fromEntries(taskRows.map((r) => [r.title.replace("Task ", ""), r.id]));

  const refs = [
    {
      key: "r1",
      caseId: id("c8"),
      destination: "fbi_ic3",
      status: "submitted",
      createdAt: at("2019-01-06"),
      deadlineAt: at("2019-01-20"),
    },
    {
      key: "r2",
      caseId: id("c8"),
      destination: "ofac_vsd",
      status: "draft",
      createdAt: at("2019-01-07"),
      deadlineAt: at("2099-01-01"),
    },
    {
      key: "r3",
      caseId: id("c4"),
      destination: "fbi_ic3",
      status: "acknowledged",
      createdAt: at("2019-01-15"),
      deadlineAt: at("2019-01-16"),
    },
    {
      key: "r4",
      caseId: id("c3"),
      destination: "uk_nca_sar",
      status: "draft",
      createdAt: at("2018-11-01"),
      deadlineAt: at("2019-02-01"),
    },
    {
      key: "r5",
      caseId: id("c5"),
      destination: "fbi_ic3",
      status: "closed",
      createdAt: at("2019-02-02"),
      deadlineAt: null,
    },
  ] as const;
  const referralRows = await db
    .insert(referrals)
    .values(
      refs.map((r) => ({
        caseId: r.caseId,
        destination: r.destination,
        status: r.status,
        createdAt: r.createdAt,
        deadlineAt: r.deadlineAt,
        notes: r.key,
      })),
    )
    .returning({ id: referrals.id, notes: referrals.notes });
  const referralIds = Object.fromEntries(referralRows.map((r) => [r.notes, r.id]));

  const personaRows = await db
    .insert(personas)
    .values(["p1", "p2", "p3", "p4", "p5"].map((key) => ({ displayName: `${team} ${key}` })))
    .returning({ id: personas.id, displayName: personas.displayName });
  const persona = (key: string) => personaRows.find((p) => p.displayName.endsWith(key))?.id as string;
  await db.insert(casePersonas).values([
    { caseId: id("c1"), personaId: persona("p1"), role: "subject" },
    { caseId: id("c3"), personaId: persona("p2"), role: "subject" },
    { caseId: id("c5"), personaId: persona("p3"), role: "subject" },
    { caseId: id("c9"), personaId: persona("p4"), role: "subject" },
  ]);
  await db.insert(personaRedFlags).values([
    { personaId: persona("p1"), code: "NO_VIDEO", recordedAt: at("2019-01-03") },
    { personaId: persona("p1"), code: "VPN_ASTRILL", recordedAt: at("2019-01-04") },
    { personaId: persona("p2"), code: "NO_VIDEO", recordedAt: at("2019-01-11") },
    { personaId: persona("p2"), code: "LAPTOP_FARM", recordedAt: at("2019-01-12") },
    { personaId: persona("p3"), code: "NO_VIDEO", recordedAt: at("2019-02-02") },
    { personaId: persona("p3"), code: "VPN_ASTRILL", recordedAt: at("2018-06-01") },
    { personaId: persona("p4"), code: "LAPTOP_FARM", recordedAt: at("2019-03-01") },
    // On no case of this set: never counted.
    { personaId: persona("p5"), code: "NO_VIDEO", recordedAt: at("2019-01-05") },
  ]);

  // One network of four: p1-p2 share an email, p2-p3 share another email and a wallet, p1-p4
  // have a confirmed link. p5 shares nothing.
  const idRows = await db
    .insert(identifiers)
    .values([
      { type: "email" as const, value: `${team}-1@example.test`, normalizedValue: `${team}-1@example.test` },
      { type: "email" as const, value: `${team}-2@example.test`, normalizedValue: `${team}-2@example.test` },
      { type: "crypto_wallet" as const, value: `T${team}`, normalizedValue: `T${team}` },
    ])
    .returning({ id: identifiers.id });
  const [e1, e2, w1] = idRows.map((r) => r.id) as [string, string, string];
  await db.insert(personaIdentifiers).values([
    { personaId: persona("p1"), identifierId: e1 },
    { personaId: persona("p2"), identifierId: e1 },
    { personaId: persona("p2"), identifierId: e2 },
    { personaId: persona("p3"), identifierId: e2 },
    { personaId: persona("p2"), identifierId: w1 },
    { personaId: persona("p3"), identifierId: w1 },
  ]);
  await db
    .insert(personaLinks)
    .values({ fromPersonaId: persona("p1"), toPersonaId: persona("p4"), relation: "associated", status: "confirmed" });

  const personaIds = Object.fromEntries(["p1", "p2", "p3", "p4", "p5"].map((k) => [k, persona(k)]));
  return { team, a, b, manager, legal, caseIds, taskIds, referralIds, personaIds };
}
