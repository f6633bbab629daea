import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import {
  caseNotes,
  casePersonas,
  cases,
  disclosures,
  evidence,
  identifiers,
  personaIdentifiers,
  personas,
  referrals,
  remediationTasks,
  users,
} from "@/db/schema";
import { exhibitLabel } from "@/lib/evidence/views";
import { AppError } from "@/lib/errors";
import { destinationLabel } from "@/lib/referrals/destinations";
import { caseDates, identifierWords, noteExcerpt } from "./timeline-entries";
import { type CaseTimeline, type TimelineEntry, timelineSortKey } from "./timeline-views";

/** Past this many events the timeline stops and says so; each source is read up to it. */
export const MAX_TIMELINE_ENTRIES = 2000;

/**
 * The case's events by the dates they happened (a hire, a shipped laptop, an identifier seen, an
 * exhibit collected, a referral sent), oldest first: not who clicked what, which the activity log
 * holds. Reads only records of the case itself, so whoever sees the case may see all of it; a
 * claim's source exhibit is named only when it belongs to this case.
 */
export async function collectTimeline(runner: DbOrTx, caseId: string): Promise<CaseTimeline> {
  const [row] = await runner.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw AppError.notFound("Case");
  const limit = MAX_TIMELINE_ENTRIES + 1;
  const source = alias(evidence, "source_evidence");
  const [claims, items, tasks, refs, sent, notes] = await Promise.all([
    runner
      .select({
        personaId: personas.id,
        personaName: personas.displayName,
        identifierId: identifiers.id,
        type: identifiers.type,
        value: personaIdentifiers.value,
        sharedValue: identifiers.value,
        observedAt: personaIdentifiers.observedAt,
        sourceExhibit: source.exhibitNo,
      })
      .from(casePersonas)
      .innerJoin(personas, eq(personas.id, casePersonas.personaId))
      .innerJoin(personaIdentifiers, eq(personaIdentifiers.personaId, personas.id))
      .innerJoin(identifiers, eq(identifiers.id, personaIdentifiers.identifierId))
      .leftJoin(
        source,
        and(eq(source.id, personaIdentifiers.sourceEvidenceId), eq(source.caseId, caseId), isNull(source.deletedAt)),
      )
      .where(and(eq(casePersonas.caseId, caseId), isNotNull(personaIdentifiers.observedAt)))
      .orderBy(asc(personaIdentifiers.observedAt))
      .limit(limit),
    runner
      .select({
        id: evidence.id,
        exhibitNo: evidence.exhibitNo,
        title: evidence.title,
        collectedAt: evidence.collectedAt,
        collectedBy: evidence.collectedBy,
        source: evidence.source,
      })
      .from(evidence)
      .where(and(eq(evidence.caseId, caseId), isNull(evidence.deletedAt), isNotNull(evidence.collectedAt)))
      .orderBy(asc(evidence.collectedAt))
      .limit(limit),
    runner
      .select({
        id: remediationTasks.id,
        title: remediationTasks.title,
        completedAt: remediationTasks.completedAt,
        note: remediationTasks.completionNote,
      })
      .from(remediationTasks)
      .where(
        and(
          eq(remediationTasks.caseId, caseId),
          eq(remediationTasks.status, "done"),
          isNotNull(remediationTasks.completedAt),
        ),
      )
      .orderBy(asc(remediationTasks.completedAt))
      .limit(limit),
    runner.select().from(referrals).where(eq(referrals.caseId, caseId)).orderBy(asc(referrals.createdAt)).limit(limit),
    runner
      .select({
        id: disclosures.id,
        what: disclosures.what,
        recipient: disclosures.recipient,
        sentAt: disclosures.sentAt,
        destination: referrals.destination,
        destinationName: referrals.destinationName,
      })
      .from(disclosures)
      .innerJoin(referrals, eq(referrals.id, disclosures.referralId))
      .where(eq(referrals.caseId, caseId))
      .orderBy(asc(disclosures.sentAt))
      .limit(limit),
    runner
      .select({ id: caseNotes.id, body: caseNotes.body, at: caseNotes.createdAt, author: users.name })
      .from(caseNotes)
      .leftJoin(users, eq(users.id, caseNotes.authorId))
      .where(eq(caseNotes.caseId, caseId))
      .orderBy(asc(caseNotes.createdAt))
      .limit(limit),
  ]);

  const caseHref = (tab?: string) => `/cases/${caseId}${tab ? `?tab=${tab}` : ""}`;
  const entries: TimelineEntry[] = [...caseDates(row, caseHref)];
  for (const c of claims) {
    const value = c.value ?? c.sharedValue;
    const from = c.sourceExhibit === null ? "" : `, from ${exhibitLabel(c.sourceExhibit)}`;
    entries.push({
      id: `identifier_observed:${c.personaId}:${c.identifierId}`,
      at: c.observedAt!.toISOString(),
      allDay: false,
      kind: "identifier_observed",
      title: `${identifierWords(c.type)} ${value} observed`,
      detail: `Held by ${c.personaName}${from}`,
      source: { type: "persona", id: c.personaId, label: c.personaName, href: `/personas/${c.personaId}` },
    });
  }
  for (const e of items) {
    const label = exhibitLabel(e.exhibitNo);
    const by = [e.collectedBy ? `by ${e.collectedBy}` : null, e.source ? `from ${e.source}` : null].filter(Boolean);
    entries.push({
      id: `evidence_collected:${e.id}`,
      at: e.collectedAt!.toISOString(),
      allDay: false,
      kind: "evidence_collected",
      title: `${label} collected: ${e.title}`,
      detail: by.length ? `Collected ${by.join(" ")}` : null,
      source: { type: "evidence", id: e.id, label, href: `/evidence/${e.id}` },
    });
  }
  for (const t of tasks) {
    entries.push({
      id: `task_done:${t.id}`,
      at: t.completedAt!.toISOString(),
      allDay: false,
      kind: "task_done",
      title: `Remediation done: ${t.title}`,
      detail: t.note || null,
      source: { type: "task", id: t.id, label: t.title, href: caseHref("remediation") },
    });
  }
  for (const r of refs) {
    const to = destinationLabel(r.destination, r.destinationName);
    const base = { type: "referral" as const, id: r.id, label: `Referral to ${to}`, href: caseHref("referrals") };
    const ref = r.referenceNo ? `Reference ${r.referenceNo}` : null;
    if (r.submittedAt)
      entries.push({
        id: `referral_submitted:${r.id}`,
        at: r.submittedAt.toISOString(),
        allDay: false,
        kind: "referral_submitted",
        title: `Referral sent to ${to}`,
        detail: ref,
        source: base,
      });
    if (r.acknowledgedAt)
      entries.push({
        id: `referral_acknowledged:${r.id}`,
        at: r.acknowledgedAt.toISOString(),
        allDay: false,
        kind: "referral_acknowledged",
        title: `${to} acknowledged the referral`,
        detail: ref,
        source: base,
      });
  }
  for (const d of sent) {
    const to = destinationLabel(d.destination, d.destinationName);
    entries.push({
      id: `disclosure_sent:${d.id}`,
      at: d.sentAt.toISOString(),
      allDay: false,
      kind: "disclosure_sent",
      title: `Disclosed to ${d.recipient}: ${d.what}`,
      detail: `For the referral to ${to}`,
      source: { type: "referral", id: d.id, label: `Referral to ${to}`, href: caseHref("referrals") },
    });
  }
  for (const n of notes) {
    entries.push({
      id: `note_written:${n.id}`,
      at: n.at.toISOString(),
      allDay: false,
      kind: "note_written",
      title: `Note by ${n.author ?? "a former user"}`,
      detail: noteExcerpt(n.body),
      source: { type: "note", id: n.id, label: "Case notes", href: `${caseHref()}#note-${n.id}` },
    });
  }
  entries.sort((a, b) => timelineSortKey(a).localeCompare(timelineSortKey(b)) || a.id.localeCompare(b.id));
  return { items: entries.slice(0, MAX_TIMELINE_ENTRIES), truncated: entries.length > MAX_TIMELINE_ENTRIES };
}
