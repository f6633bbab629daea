import { z } from "zod";
import { severities } from "@/lib/cases/constants";
import { daysBetween, defaultPeriod, MAX_PERIOD_DAYS } from "./period";

const isoDate = z.iso.date({ message: "Use a date like 2026-11-30" });
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item));
const filterText = z
  .string()
  .trim()
  .max(200, "At most 200 characters")
  .transform((v) => v || undefined);

/**
 * The summary's filters. `team` matches the subject's team and `channel` the subject's hiring
 * channel or staffing vendor, each exactly but ignoring case; `severity` takes one or more
 * severities separated by commas. The period defaults to the last 30 days (UTC).
 */
export const dashboardQuerySchema = z
  .strictObject({
    from: isoDate.optional().describe("First day of the period (UTC), included; default 29 days before `to`"),
    to: isoDate.optional().describe("Last day of the period (UTC), included; default today"),
    team: filterText.optional().describe("Subject's team, exact match ignoring case"),
    channel: filterText.optional().describe("Subject's hiring channel or staffing vendor, exact match ignoring case"),
    severity: csv(z.enum(severities, { message: `Severity must be one of: ${severities.join(", ")}` }))
      .optional()
      .describe("Severities separated by commas"),
  })
  .transform((q, ctx) => {
    const period = defaultPeriod(q);
    if (period.from > period.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The period ends before it starts" });
      return z.NEVER;
    }
    if (daysBetween(period.from, period.to) > MAX_PERIOD_DAYS) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `A period is at most ${MAX_PERIOD_DAYS} days` });
      return z.NEVER;
    }
    return { ...period, team: q.team, channel: q.channel, severity: q.severity ?? [] };
  });

export type DashboardQuery = z.input<typeof dashboardQuerySchema>;
export type DashboardFilter = z.output<typeof dashboardQuerySchema>;
