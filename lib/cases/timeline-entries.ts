import type { Case } from "@/db/schema";
import type { TimelineEntry } from "./timeline-views";

const specialWords: Record<string, string> = {
  ip: "IP address",
  device: "Device serial",
  remote_access_id: "Remote-access id",
  resume_hash: "Résumé hash",
  bank_account: "Bank account",
};

/** An identifier type as words at the start of a sentence: "Crypto wallet", "IP address". */
export function identifierWords(type: string): string {
  const words = specialWords[type] ?? type.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The first line of a note, short enough for one row of the timeline. */
export function noteExcerpt(body: string, max = 160): string {
  const line =
    body
      .trim()
      .split("\n")[0]
      ?.replace(/^#+\s*/, "")
      .trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The case's own dates: when it was opened, contained and closed, and what happened to the hire
 * (hired, started, sent a device, first signed in, terminated) as HR and IT recorded it.
 */
export function caseDates(row: Case, caseHref: (tab?: string) => string): TimelineEntry[] {
  const who = row.subjectName ? row.subjectName : "The subject";
  const onCase = { type: "case" as const, id: row.id, label: row.ref, href: caseHref() };
  const days: [TimelineEntry["kind"], string | null, string][] = [
    ["subject_hired", row.subjectHiredOn, `${who} hired`],
    ["subject_started", row.subjectStartDate, `${who} started work`],
    ["device_shipped", row.subjectDeviceShippedOn, `Device shipped to ${who === "The subject" ? "the subject" : who}`],
    ["subject_terminated", row.subjectTerminatedOn, `${who} terminated`],
  ];
  const hire = [row.subjectRole, row.subjectTeam, row.subjectHiringChannel && `through ${row.subjectHiringChannel}`]
    .filter(Boolean)
    .join(", ");
  const out: TimelineEntry[] = [
    {
      id: `case_opened:${row.id}`,
      at: row.openedAt.toISOString(),
      allDay: false,
      kind: "case_opened",
      title: `Case ${row.ref} opened`,
      detail: row.title,
      source: onCase,
    },
  ];
  for (const [kind, day, title] of days) {
    if (!day) continue;
    out.push({
      id: `${kind}:${row.id}`,
      at: day,
      allDay: true,
      kind,
      title,
      detail: kind === "subject_hired" && hire ? hire : null,
      source: onCase,
    });
  }
  if (row.subjectFirstSignInAt)
    out.push({
      id: `first_sign_in:${row.id}`,
      at: row.subjectFirstSignInAt.toISOString(),
      allDay: false,
      kind: "first_sign_in",
      title: `${who === "The subject" ? "The subject's" : `${who}'s`} first sign-in`,
      detail: row.subjectLocation ? `Claimed work location: ${row.subjectLocation}` : null,
      source: onCase,
    });
  if (row.containedAt)
    out.push({
      id: `case_contained:${row.id}`,
      at: row.containedAt.toISOString(),
      allDay: false,
      kind: "case_contained",
      title: "Case contained",
      detail: null,
      source: onCase,
    });
  if (row.closedAt)
    out.push({
      id: `case_closed:${row.id}`,
      at: row.closedAt.toISOString(),
      allDay: false,
      kind: "case_closed",
      title: row.status === "cleared" ? "Case cleared" : "Case closed",
      detail: row.closingReason,
      source: onCase,
    });
  return out;
}
