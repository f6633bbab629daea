/**
 * Runs the captured statements the way the product's handlers do (same order, same
 * parallelism), with nothing else around them. Shared by the in-process raw timing and the bare
 * HTTP server, and free of app imports so the bare server stays bare.
 */
import type { Sql } from "postgres";

export interface Statement {
  text: string;
  params: unknown[];
}

/** Stand-ins replaced by the real ids at run time. */
export const CASE_ID = "00000000-0000-4000-8000-00000000c0de";
export const LEAD_ID = "00000000-0000-4000-8000-000000001ead";

/** The queries behind GET /api/cases/{id}, /notes and /activity. */
export interface CasePageSql {
  loadCase: Statement;
  members: Statement;
  lead: Statement;
  notes: Statement;
  notesCount: Statement;
  activity: Statement;
  activityCount: Statement;
}

export interface Catalogue {
  lists: Record<string, { rows: Statement; total: Statement }>;
  casePage: CasePageSql;
}

type Row = Record<string, unknown>;

// Drizzle selects count() without an alias, so the column comes back as "count".
const firstValue = (rows: Row[]) => Number(Object.values(rows[0] ?? {})[0] ?? 0);

function run(sql: Sql, s: Statement, caseId = CASE_ID, leadId: string | null = null): Promise<Row[]> {
  const params = s.params.map((p) => (p === CASE_ID ? caseId : p === LEAD_ID ? leadId : p));
  return sql.unsafe(s.text, params as never[]) as unknown as Promise<Row[]>;
}

export async function runList(sql: Sql, list: { rows: Statement; total: Statement }) {
  const [items, total] = await Promise.all([run(sql, list.rows), run(sql, list.total)]);
  return { items, total: firstValue(total) };
}

async function loadCase(sql: Sql, page: CasePageSql, caseId: string): Promise<Row | null> {
  const [found] = await run(sql, page.loadCase, caseId);
  return found ?? null;
}

export async function runCaseDetail(sql: Sql, page: CasePageSql, caseId: string) {
  const found = await loadCase(sql, page, caseId);
  if (!found) return null;
  const leadId = (found.lead_id as string | null) ?? null;
  const [members, lead] = await Promise.all([
    run(sql, page.members, caseId),
    leadId ? run(sql, page.lead, caseId, leadId) : [],
  ]);
  return { ...found, members, lead: lead[0] ?? null };
}

export async function runCaseChild(sql: Sql, page: CasePageSql, caseId: string, child: "notes" | "activity") {
  if (!(await loadCase(sql, page, caseId))) return null;
  const [items, total] = await Promise.all([
    run(sql, page[child], caseId),
    run(sql, child === "notes" ? page.notesCount : page.activityCount, caseId),
  ]);
  return { items, total: firstValue(total) };
}
