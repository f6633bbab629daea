import { and, type Column, inArray, sql, type SQL } from "drizzle-orm";
import { cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseVisibleTo } from "@/lib/cases/access";
import { hiringChannelIs, subjectTeamIs } from "@/lib/cases/list-cases";
import { visibilityKey } from "@/lib/graph/cache";
import { addDays } from "./period";
import type { DashboardFilter } from "./schema";

/** What every dashboard query shares: which cases count, and the period as timestamps. */
export interface Scope {
  /** Condition on `cases`: visible to the actor and matching the filters. */
  cases: SQL;
  /** True when that condition admits every case (an admin or manager without filters). */
  everyCase: boolean;
  /** Visibility alone, for the filter options (so a chosen team does not hide the others). */
  visible: SQL;
  /** Who sees the same cases: one key for every admin and manager, one per other user. */
  visibilityKey: string;
  /** The filters other than the period, as a key. */
  filterKey: string;
  from: Date;
  /** Exclusive: midnight after the period's last day. */
  to: Date;
  now: Date;
}

export function buildScope(actor: Actor, filter: DashboardFilter, now: Date): Scope {
  const visibility = caseVisibleTo(actor);
  const visible = visibility ?? sql`true`;
  const conditions = [
    visibility,
    filter.team ? subjectTeamIs(filter.team) : undefined,
    filter.channel ? hiringChannelIs(filter.channel) : undefined,
    filter.severity.length ? inArray(cases.severity, filter.severity) : undefined,
  ];
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return {
    cases: and(...present) ?? sql`true`,
    everyCase: present.length === 0,
    visible,
    visibilityKey: visibilityKey(actor),
    filterKey: JSON.stringify([
      filter.team?.toLowerCase() ?? null,
      filter.channel?.toLowerCase() ?? null,
      [...filter.severity].sort(),
    ]),
    from: new Date(`${filter.from}T00:00:00Z`),
    to: new Date(`${addDays(filter.to, 1)}T00:00:00Z`),
    now,
  };
}

/** `column` falls inside the period. */
export function inPeriod(column: Column, scope: Scope): SQL {
  return sql`(${column} >= ${scope.from.toISOString()}::timestamptz and ${column} < ${scope.to.toISOString()}::timestamptz)`;
}

/**
 * `column` (a case id of another table) belongs to a case in scope, or nothing when every case
 * is; as an IN list the planner can answer it from the dashboard's covering case indexes.
 */
export function caseInScope(column: Column, scope: Scope): SQL {
  return scope.everyCase ? sql`true` : sql`${column} in (select ${cases.id} from ${cases} where ${scope.cases})`;
}
