import { type SQL, sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { cases, type CaseStatus, type Severity } from "@/db/schema";
import { openStatuses } from "@/lib/cases/workflow";
import { memoize } from "../memo";
import { inPeriod, type Scope } from "../scope";

const open = sql.raw(openStatuses.map((s) => `'${s}'`).join(","));
const final = sql`${cases.status} in ('closed','cleared')`;

/** Open cases now, by status and severity. */
export function openCaseCellsSql(scope: Scope): SQL {
  return sql`select ${cases.status} as status, ${cases.severity} as severity, count(*)::int as count
        from ${cases} where ${scope.cases} and ${cases.status} in (${open})
        group by 1, 2 order by 1, 2`;
}

export function openCaseCells(scope: Scope) {
  return queryRows<{ status: CaseStatus; severity: Severity; count: number }>(db, openCaseCellsSql(scope));
}

/** Opened and closed counts per ISO week (Monday, UTC) inside the period; empty weeks are absent. */
export function weeklyFlowSql(scope: Scope): SQL {
  return sql`select to_char(date_trunc('week', t at time zone 'UTC'), 'YYYY-MM-DD') as week,
               sum(o)::int as opened, sum(c)::int as closed
        from (
          select ${cases.openedAt} as t, 1 as o, 0 as c from ${cases}
            where ${scope.cases} and ${inPeriod(cases.openedAt, scope)}
          union all
          select ${cases.closedAt}, 0, 1 from ${cases}
            where ${scope.cases} and ${final} and ${inPeriod(cases.closedAt, scope)}
        ) flow
        group by 1 order by 1`;
}

export function weeklyFlow(scope: Scope) {
  return queryRows<{ week: string; opened: number; closed: number }>(db, weeklyFlowSql(scope));
}

export type Duration = { cases: number; medianHours: number | null; p90Hours: number | null; cleared: number };

/**
 * Opened-to-`end` percentiles over the cases whose `end` falls in the period (measured when the
 * work finished, so a recent period is not skewed towards the fast cases that happen to be
 * done), plus how many of them were cleared. One statement per end, so each is an index-only
 * scan of its own covering index.
 */
export function durationSql(end: "contained" | "closed", scope: Scope): SQL {
  const column = end === "contained" ? cases.containedAt : cases.closedAt;
  const hours = sql`extract(epoch from (${column} - ${cases.openedAt}))::float8 / 3600`;
  return sql`select count(*)::int as n,
          percentile_cont(0.5) within group (order by ${hours}) as p50,
          percentile_cont(0.9) within group (order by ${hours}) as p90,
          count(*) filter (where ${cases.status} = 'cleared')::int as cleared
        from ${cases}
        where ${scope.cases} and ${inPeriod(column, scope)}${end === "closed" ? sql` and ${final}` : sql``}`;
}

async function duration(end: "contained" | "closed", scope: Scope): Promise<Duration> {
  const [row] = await queryRows<{
    n: number;
    p50: number | string | null;
    p90: number | string | null;
    cleared: number;
  }>(db, durationSql(end, scope));
  const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return { cases: row?.n ?? 0, medianHours: num(row?.p50), p90Hours: num(row?.p90), cleared: row?.cleared ?? 0 };
}

/** Time to contain (cases contained in the period) and to close (closed or cleared in it). */
export async function durations(scope: Scope) {
  const [contained, closed] = await Promise.all([duration("contained", scope), duration("closed", scope)]);
  return {
    toContain: { cases: contained.cases, medianHours: contained.medianHours, p90Hours: contained.p90Hours },
    toClose: { cases: closed.cases, medianHours: closed.medianHours, p90Hours: closed.p90Hours },
    cleared: closed.cleared,
  };
}

/** Teams and hiring channels on the visible cases, most frequent first, in one pass. */
export function filterOptionsSql(scope: Scope, limit = 100): SQL {
  return sql`select kind, value from (
          select case when grouping(${cases.subjectTeam}) = 0 then 'team' else 'channel' end as kind,
                 coalesce(${cases.subjectTeam}, ${cases.subjectHiringChannel}) as value,
                 row_number() over (partition by grouping(${cases.subjectTeam}) order by count(*) desc, coalesce(${cases.subjectTeam}, ${cases.subjectHiringChannel})) as rank
          from ${cases}
          where ${scope.visible}
          group by grouping sets ((${cases.subjectTeam}), (${cases.subjectHiringChannel}))
        ) o
        where value is not null and value <> '' and rank <= ${limit}
        order by kind, rank`;
}

// The choices only feed the filter menus and change slowly; a whole-table pass per refresh
// would cost more than every other figure together.
const optionsMemo = memoize<{ teams: string[]; channels: string[] }>(5 * 60_000);

export function filterOptions(scope: Scope) {
  return optionsMemo(scope.visibilityKey, async () => {
    const rows = await queryRows<{ kind: "team" | "channel"; value: string }>(db, filterOptionsSql(scope));
    return {
      teams: rows.filter((r) => r.kind === "team").map((r) => r.value),
      channels: rows.filter((r) => r.kind === "channel").map((r) => r.value),
    };
  });
}
