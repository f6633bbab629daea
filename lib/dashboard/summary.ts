import { ready } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { daysBetween, isoWeekLabel, weeksOf } from "./period";
import { durations, filterOptions, openCaseCells, weeklyFlow } from "./queries/cases";
import { largestNetworks } from "./queries/networks";
import { openSanctionsHits, topRedFlags } from "./queries/personas";
import { overdueReferrals, overdueTasks, referralsByDestination } from "./queries/work";
import { type DashboardQuery, dashboardQuerySchema } from "./schema";
import { buildScope } from "./scope";
import type { DashboardSummary } from "./views";

/**
 * Every figure of the home page for one actor, filters and period. Each figure is one aggregate
 * query over the cases the actor may see (caseVisibleTo), run side by side; nothing row-by-row
 * is pulled into the process except the two short overdue lists.
 */
interface SummaryOptions {
  actor: Actor;
  query: DashboardQuery;
  now?: Date;
  /** How long a first request waits for the persona networks before answering without them. */
  networkWaitMs?: number;
}

export async function getDashboardSummary({
  actor,
  query,
  now = new Date(),
  networkWaitMs = 1000,
}: SummaryOptions): Promise<DashboardSummary> {
  authorize(actor, "dashboard:read");
  const filter = parseOrThrow(dashboardQuerySchema, query, "Invalid dashboard filters");
  await ready();
  const scope = buildScope(actor, filter, now);

  const [cells, flow, times, options, tasks, referralCounts, lateReferrals, redFlags, networks, sanctionsHits] =
    await Promise.all([
      openCaseCells(scope),
      weeklyFlow(scope),
      durations(scope),
      filterOptions(scope),
      overdueTasks(scope),
      referralsByDestination(scope),
      overdueReferrals(scope),
      topRedFlags(scope),
      largestNetworks(actor, scope, networkWaitMs),
      openSanctionsHits(scope),
    ]);

  const flowByWeek = new Map(flow.map((w) => [w.week, w]));
  const weekly = weeksOf(filter).map((weekStart) => ({
    weekStart,
    week: isoWeekLabel(weekStart),
    opened: flowByWeek.get(weekStart)?.opened ?? 0,
    closed: flowByWeek.get(weekStart)?.closed ?? 0,
  }));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  return {
    generatedAt: now.toISOString(),
    scope: actor.role === "admin" || actor.role === "manager" ? "all" : "own",
    period: { from: filter.from, to: filter.to, days: daysBetween(filter.from, filter.to) },
    filters: { team: filter.team ?? null, channel: filter.channel ?? null, severity: filter.severity },
    options,
    totals: {
      open: sum(cells.map((c) => c.count)),
      opened: sum(weekly.map((w) => w.opened)),
      closed: sum(weekly.map((w) => w.closed)),
    },
    openCases: cells,
    weekly,
    timeToContain: times.toContain,
    timeToClose: times.toClose,
    falseAlarms: {
      closed: times.toClose.cases,
      cleared: times.cleared,
      share: times.toClose.cases > 0 ? times.cleared / times.toClose.cases : null,
    },
    overdueTasks: tasks,
    referrals: { byDestination: referralCounts, overdue: lateReferrals },
    networks: { items: networks.items, asOf: networks.asOf, pending: networks.asOf === null },
    redFlags,
    sanctionsHits,
  };
}
