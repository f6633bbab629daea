import { z } from "zod";

/** What a timeline entry tells of; each kind takes its date from the record it names. */
export const timelineKinds = [
  "case_opened",
  "subject_hired",
  "subject_started",
  "device_shipped",
  "first_sign_in",
  "identifier_observed",
  "evidence_collected",
  "subject_terminated",
  "case_contained",
  "task_done",
  "referral_submitted",
  "referral_acknowledged",
  "disclosure_sent",
  "note_written",
  "case_closed",
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const timelineSourceTypes = ["case", "persona", "evidence", "task", "referral", "note"] as const;

export const timelineEntrySchema = z.object({
  id: z.string().describe("Stable key of the entry: its kind and the id of its source record"),
  at: z.string().describe("A calendar day (YYYY-MM-DD) where only the day is recorded, else a moment (ISO 8601)"),
  allDay: z.boolean().describe("True when `at` is a day without a time"),
  kind: z.enum(timelineKinds),
  title: z.string(),
  detail: z.string().nullable(),
  source: z.object({
    type: z.enum(timelineSourceTypes),
    id: z.string(),
    label: z.string().describe("How people name the source: the case reference, an exhibit number, a persona"),
    href: z.string().describe("Where the source is in the app"),
  }),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const caseTimelineSchema = z.object({
  items: z.array(timelineEntrySchema).describe("Oldest first, by the dates the events happened"),
  truncated: z.boolean().describe("True when the case has more events than the timeline lists"),
});
export type CaseTimeline = z.infer<typeof caseTimelineSchema>;

/** The instant an entry sorts by: a day counts from its start (UTC), before that day's moments. */
export function timelineSortKey(e: Pick<TimelineEntry, "at" | "allDay">): string {
  return e.allDay ? `${e.at}T00:00:00.000Z` : new Date(e.at).toISOString();
}
