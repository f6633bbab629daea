import { type SQL, sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { casePersonas, cases, personaRedFlags } from "@/db/schema";
import { inPeriod, type Scope } from "../scope";

/**
 * The red flags most often recorded on the personas named in the cases opened in the period
 * (each persona counted once per flag): what the new cases show. The lateral joins walk from the
 * period's cases through their personas to their flags index by index (OFFSET 0 keeps the
 * planner from flattening them into hash joins that scan every case-persona and flag row).
 */
export function topRedFlagsSql(scope: Scope, limit = 10): SQL {
  return sql`select f.code, count(*)::int as count
        from (
          select distinct cp.persona_id
          from ${cases}
          cross join lateral (select ${casePersonas.personaId} as persona_id from ${casePersonas} where ${casePersonas.caseId} = ${cases.id} offset 0) cp
          where ${scope.cases} and ${inPeriod(cases.openedAt, scope)}
        ) p
        cross join lateral (select ${personaRedFlags.code} as code from ${personaRedFlags} where ${personaRedFlags.personaId} = p.persona_id offset 0) f
        group by 1 order by 2 desc, 1 limit ${limit}`;
}

export function topRedFlags(scope: Scope) {
  return queryRows<{ code: string; count: number }>(db, topRedFlagsSql(scope));
}

/**
 * Personas of the open cases in view flagged SANCTIONS_HIT (each counted once): the payments
 * that must not go out. Not bound to the period: a hit stays open until the case closes.
 */
export function openSanctionsHitsSql(scope: Scope): SQL {
  return sql`select count(distinct cp.persona_id)::int as count
        from ${cases}
        join ${casePersonas} cp on cp.case_id = ${cases.id}
        join ${personaRedFlags} f on f.persona_id = cp.persona_id and f.code = 'SANCTIONS_HIT'
        where ${scope.cases} and ${cases.status} not in ('closed', 'cleared')`;
}

export async function openSanctionsHits(scope: Scope): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, openSanctionsHitsSql(scope));
  return row?.count ?? 0;
}
