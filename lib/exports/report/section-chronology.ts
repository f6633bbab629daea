import type { TimelineEntry } from "@/lib/cases/timeline-views";
import { type Layout, muted } from "./layout";
import { when } from "./input";

/**
 * The case's events by the dates they happened (hired, device shipped, identifiers observed,
 * evidence collected, referral sent…), as the case page's Timeline tab lists them: the story of the
 * case, where the audit log that follows is the record of who entered what.
 */
export function drawChronology(l: Layout, entries: readonly TimelineEntry[]): void {
  l.heading("Chronology");
  l.text(
    "What happened, by the dates the events themselves carry (a day where only the day was recorded), oldest first. The audit log below records who entered each fact and when.",
    { size: 9, color: muted },
  );
  if (entries.length <= 1) {
    l.text("Apart from its opening, nothing in this case was recorded with a date of its own.", { color: muted });
    if (entries.length === 0) return;
  }
  l.table(
    [
      { header: "When (UTC)", width: 78 },
      { header: "What", width: l.contentWidth - 78 - 110 },
      { header: "Source", width: 110 },
    ],
    entries.map((e) => [
      e.allDay ? e.at : when(e.at).replace(" UTC", ""),
      e.detail ? `${e.title}\n${e.detail}` : e.title,
      e.source.label,
    ]),
    { size: 7.5 },
  );
}
