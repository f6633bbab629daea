import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  caseMembers,
  caseNotes,
  casePersonas,
  caseRefCounters,
  cases,
  disclosures,
  referrals,
  remediationTasks,
} from "@/db/schema";
import { demoCases, demoReferral, type DemoCase } from "./cases";
import type { Clock } from "./clock";
import type { PersonaKey } from "./personas";
import type { DemoUserKey } from "./users";

export interface SeededCase {
  id: string;
  ref: string;
  status: DemoCase["status"];
  personas: number;
  notes: number;
  tasks: number;
  referral: boolean;
}

interface Refs {
  clock: Clock;
  userId: (key: DemoUserKey) => string;
  personaIds: Map<PersonaKey, string>;
}

export function caseRef(year: number, n: number): string {
  return `CASE-${year}-${String(n).padStart(4, "0")}`;
}

/** Inserts the demo cases with members, notes, attached personas, tasks and the referral. */
export async function insertCases(tx: Tx, refs: Refs): Promise<SeededCase[]> {
  const year = refs.clock.now.getUTCFullYear();
  const seeded: SeededCase[] = [];
  for (const [index, c] of demoCases.entries()) {
    const ref = caseRef(year, index + 1);
    const id = await insertCase(tx, refs, c, ref);
    const referral = index === demoReferral.caseIndex;
    if (referral) await insertReferral(tx, refs, id);
    seeded.push({
      id,
      ref,
      status: c.status,
      personas: c.personas.length,
      notes: c.notes.length,
      tasks: c.tasks.length,
      referral,
    });
  }
  // Later cases continue the sequence instead of colliding with the seeded refs.
  await tx
    .insert(caseRefCounters)
    .values({ year, last: demoCases.length })
    .onConflictDoUpdate({
      target: caseRefCounters.year,
      set: { last: sql`greatest(${caseRefCounters.last}, ${demoCases.length})` },
    });
  return seeded;
}

async function insertCase(tx: Tx, { clock, userId, personaIds }: Refs, c: DemoCase, ref: string): Promise<string> {
  const openedAt = clock.at(-c.openedDaysAgo);
  const lastActivityDaysAgo = Math.min(
    c.openedDaysAgo,
    c.containedDaysAgo ?? Infinity,
    c.closedDaysAgo ?? Infinity,
    ...c.notes.map((n) => n.daysAgo),
  );
  const leadId = userId(c.lead);
  const [row] = await tx
    .insert(cases)
    .values({
      ref,
      title: c.title,
      summary: c.summary,
      status: c.status,
      severity: c.severity,
      leadId,
      subjectName: c.subject.name,
      subjectRole: c.subject.role,
      subjectTeam: c.subject.team,
      subjectHiringChannel: c.subject.hiringChannel,
      subjectStartDate: c.subject.startedDaysAgo === null ? null : clock.date(-c.subject.startedDaysAgo),
      subjectAccessLevel: c.subject.accessLevel,
      subjectLocation: c.subject.location,
      tags: c.tags,
      dueDate: c.dueInDays === undefined ? null : clock.date(c.dueInDays),
      openedAt,
      containedAt: c.containedDaysAgo === undefined ? null : clock.at(-c.containedDaysAgo),
      closedAt: c.closedDaysAgo === undefined ? null : clock.at(-c.closedDaysAgo),
      closingReason: c.closingReason ?? null,
      createdById: leadId,
      createdAt: openedAt,
      updatedAt: clock.at(-lastActivityDaysAgo),
    })
    .returning({ id: cases.id });
  if (!row) throw new Error("demo seed: case insert returned nothing");
  const caseId = row.id;

  // The lead has access through cases.lead_id; a member row for them would list them twice.
  const members = c.members.filter((m) => userId(m.user) !== leadId);
  if (members.length > 0) {
    await tx
      .insert(caseMembers)
      .values(
        members.map((m) => ({ caseId, userId: userId(m.user), role: m.role, addedById: leadId, addedAt: openedAt })),
      );
  }
  await tx.insert(casePersonas).values(
    c.personas.map((p) => {
      const personaId = personaIds.get(p.persona);
      if (!personaId) throw new Error(`demo seed: unknown persona ${p.persona}`);
      return { caseId, personaId, role: p.role, addedById: leadId, addedAt: openedAt };
    }),
  );
  if (c.notes.length > 0) {
    await tx.insert(caseNotes).values(
      c.notes.map((n) => ({
        caseId,
        authorId: userId(n.author),
        body: n.body,
        createdAt: clock.at(-n.daysAgo),
        updatedAt: clock.at(-n.daysAgo),
      })),
    );
  }
  if (c.tasks.length > 0) {
    const createdAt = clock.at(-(c.containedDaysAgo ?? c.openedDaysAgo));
    await tx.insert(remediationTasks).values(
      c.tasks.map((t, position) => {
        const finished = t.status === "done" || t.status === "not_applicable";
        return {
          caseId,
          kind: t.kind,
          title: t.title,
          ownerId: userId(t.owner),
          dueAt: clock.at(t.dueInDays),
          status: t.status,
          completionNote: t.completionNote ?? null,
          position,
          completedAt: finished ? clock.at(Math.min(t.dueInDays, 0)) : null,
          createdById: leadId,
          createdAt,
          updatedAt: finished ? clock.at(Math.min(t.dueInDays, 0)) : createdAt,
        };
      }),
    );
  }
  return caseId;
}

async function insertReferral(tx: Tx, { clock, userId }: Refs, caseId: string): Promise<void> {
  const r = demoReferral;
  const submittedAt = clock.at(-r.submittedDaysAgo);
  const legalId = userId("legal");
  const [row] = await tx
    .insert(referrals)
    .values({
      caseId,
      destination: r.destination,
      destinationName: r.destinationName,
      status: "submitted",
      referenceNo: r.referenceNo,
      submittedAt,
      contact: r.contact,
      notes: r.notes,
      createdById: legalId,
      createdAt: clock.at(-r.submittedDaysAgo - 1),
      updatedAt: submittedAt,
    })
    .returning({ id: referrals.id });
  if (!row) throw new Error("demo seed: referral insert returned nothing");
  await tx.insert(disclosures).values({
    referralId: row.id,
    what: r.disclosure.what,
    recipient: r.disclosure.recipient,
    sentAt: submittedAt,
    sentById: legalId,
    // Stands in for the hash of the pack that was sent; there is no real file behind the demo.
    sha256: createHash("sha256").update(`casework demo disclosure ${r.referenceNo}`).digest("hex"),
    note: r.disclosure.note,
    createdAt: submittedAt,
  });
}
