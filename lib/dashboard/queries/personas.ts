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
