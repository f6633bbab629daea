import { z } from "zod";
import { caseStatuses, severities } from "@/lib/cases/constants";
import { identifierTypes } from "@/lib/personas/constants";
import { referralDestinations, referralStatuses } from "@/lib/referrals/constants";
import { taskKinds, taskStatuses } from "@/lib/remediation/constants";

const count = z.number().int().min(0);
const isoDate = z.iso.date();
const hours = z.number().nullable().describe("Hours; null when no case qualifies");

const durationSchema = z.object({
  cases: count.describe("Cases measured"),
  medianHours: hours,
  p90Hours: hours.describe("90th percentile in hours (continuous percentile); null when no case qualifies"),
});

export const overdueTaskSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseRef: z.string(),
  caseTitle: z.string(),
  title: z.string(),
  kind: z.enum(taskKinds),
  status: z.enum(taskStatuses),
  dueAt: z.iso.datetime(),
  ownerName: z.string().nullable(),
});

export const overdueReferralSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseRef: z.string(),
  destination: z.enum(referralDestinations),
  destinationName: z.string().nullable(),
  status: z.enum(referralStatuses),
  deadlineAt: z.iso.datetime(),
});

export const networkSchema = z.object({
  personas: count.describe("Personas in the whole network"),
  cases: count.describe("Cases in scope (visible, matching the filters) naming at least one member"),
  samplePersonas: z
    .array(z.object({ id: z.uuid(), displayName: z.string() }))
    .describe("A few members, largest risk first"),
  sharedIdentifierTypes: z
    .array(z.object({ type: z.enum(identifierTypes), count }))
    .describe("Identifier types shared by two or more members, most shared first"),
});

export const dashboardSummarySchema = z.object({
  generatedAt: z.iso.datetime(),
  scope: z.enum(["all", "own"]).describe("all: every case (managers, admins); own: only the cases the caller works on"),
  period: z.object({ from: isoDate, to: isoDate, days: count }),
  filters: z.object({
    team: z.string().nullable(),
    channel: z.string().nullable(),
    severity: z.array(z.enum(severities)),
  }),
  options: z
    .object({ teams: z.array(z.string()), channels: z.array(z.string()) })
    .describe("Teams and hiring channels on visible cases, most frequent first"),
  totals: z.object({
    open: count.describe("Open cases now (triage, investigating, contained, referred)"),
    opened: count.describe("Cases opened in the period"),
    closed: count.describe("Cases closed or cleared in the period"),
  }),
  openCases: z
    .array(z.object({ status: z.enum(caseStatuses), severity: z.enum(severities), count }))
    .describe("Open cases now, by status and severity (non-zero cells only)"),
  weekly: z
    .array(
      z.object({
        weekStart: isoDate,
        week: z.string().describe("ISO week, e.g. 2026-W07"),
        opened: count,
        closed: count,
      }),
    )
    .describe("Opened and closed (or cleared) per ISO week, counting only days inside the period"),
  timeToContain: durationSchema.describe("From opened to contained, for cases contained in the period"),
  timeToClose: durationSchema.describe("From opened to closed or cleared, for cases closed in the period"),
  falseAlarms: z.object({
    closed: count.describe("Cases closed or cleared in the period"),
    cleared: count.describe("Of those, cleared as a false alarm"),
    share: z.number().min(0).max(1).nullable(),
  }),
  sanctionsHits: count.describe("Personas of the open cases in view flagged SANCTIONS_HIT, now"),
  overdueTasks: z
    .object({ count, items: z.array(overdueTaskSchema).describe("The 10 most overdue") })
    .describe("To-do or in-progress remediation tasks past their due time, now"),
  referrals: z.object({
    byDestination: z
      .array(
        z.object({
          destination: z.enum(referralDestinations),
          total: count,
          byStatus: z.record(z.enum(referralStatuses), count),
        }),
      )
      .describe("Referrals created in the period"),
    overdue: z
      .object({ count, items: z.array(overdueReferralSchema) })
      .describe(
        "Open referrals (draft, submitted, acknowledged) past their deadline, now: the same rule as a referral's `overdue`",
      ),
  }),
  networks: z
    .object({
      items: z.array(networkSchema).describe("Up to 5, largest first"),
      asOf: z.iso
        .datetime()
        .nullable()
        .describe("When the networks were computed (recomputed in the background when five minutes old)"),
      pending: z
        .boolean()
        .describe("true while the networks are still being computed for the first time; items is then empty"),
    })
    .describe(
      "The largest persona networks (joined by shared identifiers or confirmed links, among the personas you may see) that reach at least one case in scope",
    ),
  redFlags: z
    .array(z.object({ code: z.string(), count: count.describe("Personas with this flag") }))
    .describe(
      "Red flags on the personas named in the cases opened in the period (in scope), most frequent first (top 10)",
    ),
});

export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;
export type OverdueTask = z.infer<typeof overdueTaskSchema>;
export type OverdueReferral = z.infer<typeof overdueReferralSchema>;
export type PersonaNetwork = z.infer<typeof networkSchema>;
