import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type DbOrTx, queryRows } from "@/db";
import {
  casePersonas,
  cases,
  personaIdentifiers,
  personas,
  users,
  type CaseStatus,
  type PersonaStatus,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseVisibleTo, visibilityShape } from "@/lib/cases/access";
import { personaVisibleTo } from "./access";
import { uuidArray } from "@/lib/sql";
import type { CaseRef, Correlation } from "./views";

/** One holder of one identifier, with what the need-to-know rule needs; `key` groups per identifier or input row. */
export interface Holder<K> {
  key: K;
  personaId: string;
  confidence: number;
  displayName: string;
  status: PersonaStatus;
  riskScore: number;
  visible: boolean;
  /** Every case holding the persona, with whether the actor may see it and its lead (for the count). */
  cases: { id: string; ref: string; title: string; status: CaseStatus; lead: string | null; visible: boolean }[];
}

export const MAX_LISTED_MATCHES = 25;

export function groupBy<T, K, V = T>(
  items: Iterable<T>,
  keyOf: (item: T) => K,
  map: (item: T) => V = (item) => item as unknown as V,
): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(map(item));
  }
  return out;
}

/** The holder's cases ride along as JSON, so matches cost one round trip, not one per step. */
function casesJson(actor: Actor, personaId: SQL | AnyPgColumn): SQL<Holder<unknown>["cases"] | string> {
  const caseVisible = caseVisibleTo(actor) ?? sql`true`;
  return sql`(select coalesce(json_agg(json_build_object('id', ${cases.id}, 'ref', ${cases.ref}, 'title', ${cases.title}, 'status', ${cases.status},
                                                         'lead', u.name, 'visible', ${caseVisible}) order by ${cases.ref}), '[]'::json)
              from ${casePersonas} cp join ${cases} on ${cases.id} = cp.case_id left join ${users} u on u.id = ${cases.leadId}
              where cp.persona_id = ${personaId})`;
}

const parseCases = <K>(value: Holder<K>["cases"] | string): Holder<K>["cases"] =>
  typeof value === "string" ? (JSON.parse(value) as Holder<K>["cases"]) : value;

/**
 * Holders of identifiers in one query: `from` must join persona_identifiers as `pi` and personas
 * (unaliased, for the visibility rule); `key` is the grouping expression. For ad-hoc sources such
 * as a screening list; holdersOf is the prepared form for known identifiers.
 */
export async function loadHolders<K>(runner: DbOrTx, actor: Actor, key: SQL, from: SQL): Promise<Holder<K>[]> {
  const visible = personaVisibleTo(actor) ?? sql`true`;
  const rows = await queryRows<{
    key: K;
    persona_id: string;
    confidence: number;
    display_name: string;
    status: PersonaStatus;
    risk_score: number;
    visible: boolean;
    cases: Holder<K>["cases"] | string;
  }>(
    runner,
    sql`select ${key} as key, pi.persona_id, pi.confidence, ${personas.displayName} as display_name, ${personas.status} as status,
               ${personas.riskScore} as risk_score, ${visible} as visible, ${casesJson(actor, sql`pi.persona_id`)} as cases
        ${from}`,
  );
  return rows.map((r) => ({
    key: r.key,
    personaId: r.persona_id,
    confidence: r.confidence,
    displayName: r.display_name,
    status: r.status,
    riskScore: r.risk_score,
    visible: r.visible,
    cases: parseCases<K>(r.cases),
  }));
}

/**
 * Holders of the given identifiers other than `exceptPersonaId`. A prepared statement: this runs on
 * every identifier added, and planning its visibility subqueries costs more than running them.
 */
export async function holdersOf(
  runner: DbOrTx,
  actor: Actor,
  identifierIds: string[],
  exceptPersonaId: string,
): Promise<Holder<string>[]> {
  const rows = await runner
    .select({
      key: personaIdentifiers.identifierId,
      personaId: personaIdentifiers.personaId,
      confidence: personaIdentifiers.confidence,
      displayName: personas.displayName,
      status: personas.status,
      riskScore: personas.riskScore,
      visible: sql<boolean>`${personaVisibleTo(actor) ?? sql`true`}`,
      cases: casesJson(actor, personaIdentifiers.personaId),
    })
    .from(personaIdentifiers)
    .innerJoin(personas, eq(personas.id, personaIdentifiers.personaId))
    .where(
      and(
        sql`${personaIdentifiers.identifierId} = any(${uuidArray(identifierIds)})`,
        ne(personaIdentifiers.personaId, exceptPersonaId),
      ),
    )
    .prepare(`holders_of_${visibilityShape(actor)}`)
    .execute();
  return rows.map((r) => ({ ...r, cases: parseCases<string>(r.cases) }));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function correlationMessage(total: number, hidden: Correlation["hidden"], other = true): string | null {
  const parts: string[] = [];
  if (total > 0) parts.push(`matches ${plural(total, other ? "other persona" : "persona")} you can see`);
  if (hidden) {
    const leads = hidden.leads.length > 0 ? hidden.leads.join(", ") : "no lead named";
    parts.push(
      `matches ${plural(hidden.personas, "persona")} in ${plural(hidden.cases, "case")} you cannot access (lead: ${leads})`,
    );
  }
  if (parts.length === 0) return null;
  const text = parts.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const noMatches: Correlation = { personas: [], total: 0, hidden: null, message: null };

/**
 * Turns holders into what the actor may know. Visible personas are listed with the cases the
 * actor can see. A persona the actor cannot see (all its cases are closed to them) is never
 * named: it only adds to a count, with the leads of those cases so the actor knows whom to ask.
 */
export function correlate<K>(holders: readonly Holder<K>[], { other = true } = {}): Map<K, Correlation> {
  const out = new Map<K, Correlation>();
  for (const [key, group] of groupBy(holders, (h) => h.key)) {
    const seen = group
      .filter((h) => h.visible)
      .sort((a, b) => b.confidence - a.confidence || b.riskScore - a.riskScore);
    const hidden = group.filter((h) => !h.visible);
    const personasShown = seen.slice(0, MAX_LISTED_MATCHES).map((h) => ({
      id: h.personaId,
      displayName: h.displayName,
      status: h.status,
      riskScore: h.riskScore,
      confidence: h.confidence,
      cases: h.cases
        .filter((c) => c.visible)
        .map((c): CaseRef => ({ id: c.id, ref: c.ref, title: c.title, status: c.status })),
    }));
    const hiddenCases = hidden.flatMap((h) => h.cases);
    const hiddenSummary =
      hidden.length === 0
        ? null
        : {
            personas: new Set(hidden.map((h) => h.personaId)).size,
            cases: new Set(hiddenCases.map((c) => c.id)).size,
            leads: [...new Set(hiddenCases.map((c) => c.lead).filter((n): n is string => Boolean(n)))].sort(),
          };
    out.set(key, {
      personas: personasShown,
      total: seen.length,
      hidden: hiddenSummary,
      message: correlationMessage(seen.length, hiddenSummary, other),
    });
  }
  return out;
}
