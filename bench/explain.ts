/**
 * `npm run bench:explain` (or `npm run bench -- --explain`): EXPLAIN (ANALYZE, BUFFERS) of every
 * list, search and graph query at the loaded scale, printed as compact plan trees, with a flag
 * on any sequential scan of a large table. Plans are saved to bench/results/<date>-explain.json.
 */
import fs from "node:fs";
import path from "node:path";
import postgres, { type Sql } from "postgres";
import type { Actor } from "@/lib/auth/actor";
import { benchEmails } from "./data/users";
import { benchRoot, pointAppAtBench } from "./lib/config";
import { explainQueries } from "./lib/explain-queries";

const LARGE = new Set([
  "cases",
  "case_notes",
  "audit_events",
  "personas",
  "identifiers",
  "persona_identifiers",
  "evidence",
  "remediation_tasks",
  "case_personas",
  "case_members",
  "persona_red_flags",
]);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Total Time"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, depth: number, lines: string[], flags: string[]): void {
  const rel = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
  const idx = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
  lines.push(
    `${"  ".repeat(depth)}${node["Node Type"]}${rel}${idx}  rows=${node["Actual Rows"] ?? "?"} loops=${node["Actual Loops"] ?? "?"} time=${(node["Actual Total Time"] ?? 0).toFixed(2)} ms`,
  );
  if (/Seq Scan/.test(node["Node Type"]) && node["Relation Name"] && LARGE.has(node["Relation Name"]))
    flags.push(`${node["Node Type"]} on ${node["Relation Name"]}`);
  for (const child of node.Plans ?? []) walk(child, depth + 1, lines, flags);
}

export async function explainAll(
  sql: Sql,
  actors: { admin: Actor; investigator: Actor },
): Promise<{ name: string; ms: number; flags: string[] }[]> {
  const queries = await explainQueries(sql, actors);
  const summary: { name: string; ms: number; flags: string[]; plan: unknown }[] = [];
  for (const q of queries) {
    const [row] = await sql.unsafe(`explain (analyze, buffers, format json) ${q.text}`, q.params as never[]);
    const plan = (row?.["QUERY PLAN"] as { Plan: PlanNode; "Execution Time": number }[])[0];
    if (!plan) continue;
    const lines: string[] = [];
    const flags: string[] = [];
    walk(plan.Plan, 1, lines, flags);
    const note =
      flags.length > 0
        ? `  <-- SEQ SCAN ON A LARGE TABLE: ${flags.join("; ")}${q.seqScanExpected ? ` (expected: ${q.seqScanExpected})` : ""}`
        : "";
    process.stdout.write(
      `\n${q.name}: ${plan["Execution Time"].toFixed(2)} ms${q.reference ? " [reference SQL]" : ""}${note}\n${lines.join("\n")}\n`,
    );
    summary.push({ name: q.name, ms: plan["Execution Time"], flags, plan });
  }
  const file = path.join(benchRoot, "results", `${new Date().toISOString().slice(0, 10)}-explain.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  const flagged = summary.filter((s) => s.flags.length > 0);
  process.stdout.write(
    `\n${summary.length} plans, ${flagged.length} with a sequential scan of a large table${flagged.length ? `: ${flagged.map((f) => f.name).join(", ")}` : ""}.\nPlans: ${file}\n`,
  );
  return summary.map(({ name, ms, flags }) => ({ name, ms, flags }));
}

if (process.argv[1]?.endsWith("explain.ts")) {
  (async () => {
    const { databaseUrl } = pointAppAtBench();
    const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    const { cliActorForEmail } = await import("@/lib/cli/operator");
    const { closeDb } = await import("@/db");
    try {
      await explainAll(sql, {
        admin: await cliActorForEmail(benchEmails.admin),
        investigator: await cliActorForEmail(benchEmails.investigator),
      });
    } finally {
      await sql.end({ timeout: 5 });
      await closeDb();
    }
  })().catch((error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
