import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { cases, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { type QueryIdentifier, readIdentifiers } from "@/lib/search/read-identifiers";
import { phoneRegionFor } from "@/lib/settings/get-settings";
import { caseVisibleTo } from "./access";
import { todayIso, toCaseSummary } from "./present";
import { type CaseListQuery, caseListQuerySchema } from "./schema";
import type { CaseList } from "./views";
import { openStatuses } from "./workflow";

const sortColumns = {
  ref: cases.ref,
  title: cases.title,
  status: cases.status,
  severity: cases.severity,
  lead: users.name,
  openedAt: cases.openedAt,
  dueDate: cases.dueDate,
  updatedAt: cases.updatedAt,
} as const;

const REF_PATTERN = /^CASE-\d{4}-\d{1,6}$/i;

/**
 * Full-text match over the case's own fields and the words of all its notes, through one GIN
 * index on the case (cases_search_all_gin; notes_search is kept by triggers on case_notes and is
 * not in the drizzle schema, so selected case rows do not carry it). Accents are ignored
 * (casework_english folds them, migration 0020). A query that names identifiers (a wallet, an
 * e-mail, a phone in any notation) also finds the cases whose personas hold them; one that is
 * only identifiers finds only those, as its pieces would match words by chance.
 */
export function textMatch(q: string, keys: QueryIdentifier[] = []): SQL {
  if (REF_PATTERN.test(q)) return eq(cases.ref, q.toUpperCase());
  const words = sql`(${cases.search} || ${sql.identifier("cases")}.${sql.identifier("notes_search")}) @@ websearch_to_tsquery('casework_english', ${q})`;
  if (keys.length === 0) return words;
  const held = holdingCases(keys);
  return q.split(/\s+/).filter(Boolean).length <= keys.length ? held : sql`(${words} or ${held})`;
}

/** Cases with a persona holding one of these identifiers. */
function holdingCases(keys: QueryIdentifier[]): SQL {
  const pairs = sql.join(
    keys.map((k) => sql`(${k.type}::identifier_type, ${k.normalizedValue})`),
    sql`, `,
  );
  return sql`${cases.id} in (
    select cp.case_id from identifiers i
    join persona_identifiers pi on pi.identifier_id = i.id
    join case_personas cp on cp.persona_id = pi.persona_id
    where (i.type, i.normalized_value) in (${pairs}))`;
}

/** The subject's team, exactly but ignoring case (the case list and the dashboard filter alike). */
export const subjectTeamIs = (team: string): SQL => sql`lower(${cases.subjectTeam}) = lower(${team})`;
/** The subject's hiring channel or staffing vendor, exactly but ignoring case. */
export const hiringChannelIs = (channel: string): SQL => sql`lower(${cases.subjectHiringChannel}) = lower(${channel})`;

/**
 * The case list counts matches up to here and then says "5,000+": past a few thousand an exact
 * figure helps nobody choose a page, and counting every case that mentions a common word read
 * the whole table (240 ms for 77,000 of 100,000 cases, against 22 ms for the first 5,000).
 */
export const CASE_COUNT_CAP = 5000;

/**
 * The two statements behind listCases, unexecuted: benchmarks and query-plan checks run exactly
 * this SQL. The filter must already be parsed and the actor authorized.
 */
export function caseListStatements(
  actor: Actor,
  f: z.output<typeof caseListQuerySchema>,
  { countCap = CASE_COUNT_CAP, identifiers = [] }: { countCap?: number; identifiers?: QueryIdentifier[] } = {},
) {
  const today = todayIso();
  const conditions: (SQL | undefined)[] = [
    caseVisibleTo(actor),
    f.status?.length ? inArray(cases.status, f.status) : undefined,
    f.severity?.length ? inArray(cases.severity, f.severity) : undefined,
    f.lead ? eq(cases.leadId, f.lead === "me" ? actor.id : f.lead) : undefined,
    f.tag ? sql`${cases.tags} @> array[${f.tag}]::text[]` : undefined,
    f.team ? subjectTeamIs(f.team) : undefined,
    f.channel ? hiringChannelIs(f.channel) : undefined,
    f.openedFrom ? gte(cases.openedAt, new Date(`${f.openedFrom}T00:00:00Z`)) : undefined,
    // Inclusive of the whole "to" day.
    f.openedTo ? lt(cases.openedAt, new Date(new Date(`${f.openedTo}T00:00:00Z`).getTime() + 86_400_000)) : undefined,
    f.overdue === true ? and(lt(cases.dueDate, today), inArray(cases.status, [...openStatuses])) : undefined,
    f.overdue === false
      ? sql`not (${cases.dueDate} is not null and ${cases.dueDate} < ${today} and ${cases.status} in ('triage','investigating','contained','referred'))`
      : undefined,
    f.q ? textMatch(f.q, identifiers) : undefined,
  ];
  const where = and(...conditions.filter((c): c is SQL => c !== undefined));
  const descending = f.sort.startsWith("-");
  const column = sortColumns[f.sort.replace(/^-/, "") as keyof typeof sortColumns];
  // Cases without a due date or lead go last either way. On the NOT NULL columns a plain `desc`
  // is the same order and lets PostgreSQL walk their index backwards: `desc nulls last` is not
  // the reverse of an ascending index, so it sorted every match (138 ms for a common word).
  const nullable = f.sort.endsWith("dueDate") || f.sort.endsWith("lead");
  const order = descending
    ? nullable
      ? sql`${column} desc nulls last`
      : sql`${column} desc`
    : sql`${column} asc nulls last`;

  return {
    rows: db
      .select({ row: cases, leadName: users.name, leadEmail: users.email })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.leadId))
      .where(where)
      .orderBy(order, descending ? desc(cases.id) : asc(cases.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    // Stops counting one past the cap: an exact total of a word in most cases is a scan of all of them.
    total: db.select({ n: count() }).from(
      db
        .select({ id: cases.id })
        .from(cases)
        .where(where)
        .limit(countCap + 1)
        .as("matches"),
    ),
  };
}

export async function listCases({
  actor,
  query,
  countCap = CASE_COUNT_CAP,
}: {
  actor: Actor;
  query: CaseListQuery;
  countCap?: number;
}): Promise<CaseList> {
  authorize(actor, "case:list");
  const f = parseOrThrow(caseListQuerySchema, query, "Invalid filters");
  const identifiers = f.q && !REF_PATTERN.test(f.q) ? readIdentifiers(f.q, (await phoneRegionFor(null)) ?? null) : [];
  const statements = caseListStatements(actor, f, { countCap, identifiers });
  const [rows, [counted]] = await Promise.all([statements.rows, statements.total]);
  const matches = counted?.n ?? 0;
  return {
    items: rows.map(({ row, leadName, leadEmail }) =>
      toCaseSummary(
        row,
        row.leadId && leadName && leadEmail ? { id: row.leadId, name: leadName, email: leadEmail } : null,
      ),
    ),
    total: Math.min(matches, countCap),
    totalCapped: matches > countCap,
    page: f.page,
    pageSize: f.pageSize,
  };
}
