import { type Layout, muted } from "./layout";
import { type ReportInput, when, words } from "./input";

export function drawPersonas(l: Layout, { data }: ReportInput): void {
  l.heading("Personas and identifiers");
  if (data.personas.length === 0) {
    l.text("No personas are attached to this case.", { color: muted });
    return;
  }
  const identifiers = new Map(data.identifiers.map((i) => [i.id, i]));
  const names = new Map(data.personas.map((p) => [p.id, p.displayName]));
  for (const p of data.personas) {
    l.heading(p.displayName, 2);
    l.fields([
      ["Role in the case", words(p.caseRole)],
      ["Status", words(p.status)],
      ["Risk score", String(p.riskScore)],
      ["Aliases", p.aliases.join(", ")],
      ["Claimed location", [p.claimedLocation, p.claimedTimezone].filter(Boolean).join(", ")],
      ["Claimed nationality", p.claimedNationality],
      ["Red flags", p.redFlags.map((f) => (f.note ? `${f.code} (${f.note})` : f.code)).join("; ")],
    ]);
    const held = data.holdings.filter((h) => h.personaId === p.id);
    if (held.length) {
      l.table(
        [
          { header: "Identifier type", width: 95 },
          { header: "Value", width: 250 },
          { header: "Confidence", width: 60 },
          { header: "Source", width: l.contentWidth - 405 },
        ],
        held.map((h) => {
          const i = identifiers.get(h.identifierId);
          return [
            i ? words(i.type) : "—",
            i ? `${i.value}${i.chain ? ` (${i.chain})` : ""}` : "—",
            `${h.confidence}%`,
            h.sourceExhibit ? `${h.sourceExhibit}${h.sourcePage ? ` p. ${h.sourcePage}` : ""}` : "—",
          ];
        }),
      );
    }
  }
  if (data.links.length) {
    l.heading("Links between personas", 2);
    l.table(
      [
        { header: "From", width: 110 },
        { header: "Relation", width: 80 },
        { header: "To", width: 110 },
        { header: "Confidence", width: 55 },
        { header: "Rationale", width: l.contentWidth - 355 },
      ],
      data.links.map((k) => [
        names.get(k.fromPersonaId) ?? "—",
        words(k.relation),
        names.get(k.toPersonaId) ?? "—",
        `${k.confidence}%`,
        [k.rationale, k.evidenceExhibit ? `(${k.evidenceExhibit})` : ""].filter(Boolean).join(" "),
      ]),
    );
  }
}

export function drawRemediation(l: Layout, { data }: ReportInput): void {
  l.heading("Remediation");
  if (data.tasks.length === 0) {
    l.text("No remediation tasks were recorded.", { color: muted });
    return;
  }
  const done = data.tasks.filter((t) => t.status === "done" || t.status === "not_applicable").length;
  l.text(`${done} of ${data.tasks.length} tasks done or not applicable.`, { size: 9, color: muted });
  l.table(
    [
      { header: "Task", width: 190 },
      { header: "Owner", width: 85 },
      { header: "Status", width: 60 },
      { header: "Due", width: 75 },
      { header: "Completed", width: l.contentWidth - 410 },
    ],
    data.tasks.map((t) => [
      t.completionNote ? `${t.title}\nNote: ${t.completionNote}` : t.title,
      t.owner ?? "—",
      words(t.status),
      when(t.dueAt),
      when(t.completedAt),
    ]),
  );
}

export function drawReferrals(l: Layout, { data }: ReportInput): void {
  l.heading("Referrals");
  if (data.referrals.length === 0) {
    l.text("No referrals to authorities were recorded.", { color: muted });
    return;
  }
  for (const r of data.referrals) {
    l.heading(`${r.destination}: ${words(r.status)}`, 2);
    l.fields([
      ["Reference", r.referenceNo],
      ["Submitted", r.submittedAt ? when(r.submittedAt) : null],
      ["Acknowledged", r.acknowledgedAt ? when(r.acknowledgedAt) : null],
      ["Closed", r.closedAt ? when(r.closedAt) : null],
      ["Deadline", r.deadlineAt ? when(r.deadlineAt) : null],
    ]);
    if (r.disclosures.length) {
      l.table(
        [
          { header: "Sent", width: 80 },
          { header: "What", width: 130 },
          { header: "To", width: 100 },
          { header: "SHA-256", width: l.contentWidth - 310, mono: true },
        ],
        r.disclosures.map((d) => [when(d.sentAt), d.what, d.recipient, d.sha256 ?? "—"]),
      );
    }
  }
}

export function drawNotes(l: Layout, { data }: ReportInput): void {
  l.heading("Case notes");
  if (data.notes.length === 0) {
    l.text("No notes were written on this case.", { color: muted });
    return;
  }
  l.text(
    `${data.notes.length} note${data.notes.length === 1 ? "" : "s"}, oldest first, as they read at export time; earlier versions of edited notes are kept in the app.`,
    { size: 9, color: muted },
  );
  for (const n of data.notes) {
    const edited = n.editedAt
      ? ` · edited ${when(n.editedAt)} (${n.edits} earlier version${n.edits === 1 ? "" : "s"})`
      : "";
    l.ensure(40);
    l.text(`${n.author ?? "Former user"} · ${when(n.createdAt)}${edited}`, { size: 9, font: l.bold, gapAfter: 1 });
    l.text(n.body, { size: 9.5, indent: 8, gapAfter: 8 });
  }
}
