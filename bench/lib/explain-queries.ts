import type { Sql } from "postgres";
import type { Actor } from "@/lib/auth/actor";
import { listVariants } from "../scenarios/case-list";
import { depth2Sql, holdersSql, networkSql } from "./reference-sql";
import { CASE_ID, LEAD_ID, type Statement } from "./sql-runner";

export interface ExplainQuery extends Statement {
  name: string;
  /** Written for the benchmark, not captured from the product. */
  reference?: boolean;
  /** Why a sequential scan is the right plan here, when it is. */
  seqScanExpected?: string;
}

/**
 * The list, search and graph statements, bound to real ids from the loaded data: the case list
 * and case page exactly as the product builds them, the persona queries as reference SQL.
 */
export async function explainQueries(sql: Sql, actors: { admin: Actor; investigator: Actor }): Promise<ExplainQuery[]> {
  const { caseListSql, casePageSql } = await import("./queries");
  const out: ExplainQuery[] = [];
  for (const [name, v] of Object.entries(listVariants)) {
    const s = caseListSql(actors[v.user], v.query);
    const broad = name === "broad" ? "a word in a third of all notes: the match is most of the table" : undefined;
    out.push(
      { name: `case list ${name}: rows`, ...s.rows, seqScanExpected: broad },
      { name: `case list ${name}: total`, ...s.total, seqScanExpected: broad },
    );
  }
  const [busy] = await sql<
    { id: string; lead_id: string | null }[]
  >`select c.id, c.lead_id from cases c join (select case_id from case_notes group by case_id order by count(*) desc limit 1) n on n.case_id = c.id`;
  const page = casePageSql(actors.admin);
  const bind = (s: Statement) => s.params.map((p) => (p === CASE_ID ? busy?.id : p === LEAD_ID ? busy?.lead_id : p));
  for (const [name, s] of Object.entries(page))
    out.push({ name: `case page (busiest case): ${name}`, text: s.text, params: bind(s) });

  const [shared] = await sql<
    { v: string; p: string }[]
  >`select i.normalized_value as v, min(pi.persona_id::text) as p from identifiers i join persona_identifiers pi on pi.identifier_id = i.id where i.type = 'email' group by i.id having count(*) >= 3 limit 1`;
  const [hub] = await sql<
    { p: string }[]
  >`select persona_id::text as p from persona_identifiers where identifier_id = (select identifier_id from persona_identifiers group by identifier_id order by count(*) desc limit 1) limit 1`;
  const [small] = await sql<
    { p: string }[]
  >`select persona_id::text as p from persona_identifiers where identifier_id = (select identifier_id from persona_identifiers tablesample system (1) group by identifier_id having count(*) = 2 limit 1) limit 1`;
  out.push(
    { name: "identifier holders (email)", reference: true, text: holdersSql, params: ["email", shared?.v ?? ""] },
    {
      name: "depth-2 neighbourhood (persona in a small network)",
      reference: true,
      text: depth2Sql,
      params: [small?.p ?? shared?.p ?? ""],
    },
    {
      name: "depth-2 neighbourhood (persona on the busiest hub identifier)",
      reference: true,
      text: depth2Sql,
      params: [hub?.p ?? ""],
    },
    {
      name: "persona's cases",
      reference: true,
      text: "select c.id, c.ref, cp.role from case_personas cp join cases c on c.id = cp.case_id where cp.persona_id = $1",
      params: [shared?.p ?? ""],
    },
    {
      name: "personas by name prefix",
      reference: true,
      text: "select id, display_name from personas where display_name >= $1 and display_name < $2 order by display_name limit 25",
      params: ["Maya M", "Maya N"],
    },
    {
      name: "overdue tasks of an owner",
      reference: true,
      text: "select t.id, t.title, t.due_at from remediation_tasks t where t.owner_id = (select id from users where email = $1) and t.status in ('todo', 'in_progress') and t.due_at < now() order by t.due_at limit 50",
      params: ["bench-investigator@casework.test"],
    },
    {
      name: "networks: shared identifier groups",
      reference: true,
      text: networkSql[1] ?? "",
      params: [],
      seqScanExpected: "reads every link once to build all networks",
    },
  );
  return out;
}
