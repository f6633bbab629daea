import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../lib/config";
import { runCaseChild, runCaseDetail } from "../lib/sql-runner";
import { timeSequential } from "../lib/stats";
import { loadApp, loadBare, rawFigures, sizes } from "./common";
import type { BenchContext, Scenario } from "./types";

const core = ["", "/notes", "/activity"] as const;
// Other tabs' first requests, counted when their route exists in this tree.
const tabs = ["/evidence", "/tasks", "/referrals", "/personas", "/graph"];

export function existingTabs(): string[] {
  return tabs.filter((t) =>
    fs.existsSync(path.join(projectRoot, "app", "api", "cases", "[id]", t.slice(1), "route.ts")),
  );
}

async function sampleCases(ctx: BenchContext, n: number): Promise<string[]> {
  const rows = await ctx.sql<{ id: string }[]>`select id from cases tablesample system (10) limit ${n}`;
  return rows.length > 0
    ? rows.map((r) => r.id)
    : (await ctx.sql<{ id: string }[]>`select id from cases limit ${n}`).map((r) => r.id);
}

const corePage: Scenario = {
  id: "case-page-core",
  title: "case page: case, notes, activity",
  target: "throughput >= 0.7 x bare (no stated latency target)",
  routes: ["cases/[id]/route.ts", "cases/[id]/notes/route.ts", "cases/[id]/activity/route.ts"],
  async run(ctx) {
    const ids = await sampleCases(ctx, 300);
    const requests = ids.flatMap((id) =>
      core.map((suffix) => ({ path: `/api/cases/${id}${suffix}`, token: ctx.admin.token })),
    );
    const config = {
      connections: 10,
      amount: sizes(ctx, 1500, 90),
      warmup: sizes(ctx, 150, 30),
      plan: { kind: "requests" as const, requests },
    };
    const { figures: product } = await loadApp(ctx, config);
    const bare = await loadBare(ctx, {
      ...config,
      plan: {
        kind: "requests",
        requests: ids.flatMap((id) => core.map((suffix) => ({ path: `/cases/${id}${suffix}` }))),
      },
    });
    const { casePageSql } = await import("../lib/queries");
    const page = casePageSql(ctx.admin.actor);
    const raw = await timeSequential(
      (i) => {
        const id = ids[Math.floor(i / 3) % ids.length] ?? "";
        const which = i % 3;
        return which === 0
          ? runCaseDetail(ctx.sql, page, id)
          : runCaseChild(ctx.sql, page, id, which === 1 ? "notes" : "activity");
      },
      sizes(ctx, 600, 30),
    );
    // Next.js's floor: a route that does nothing (no auth, no database) under the same load. The
    // case page cannot pass it, so its rate over the bare case page bounds the ratio reachable.
    const { figures: floor } = await loadApp(ctx, {
      ...config,
      plan: { kind: "requests", requests: [{ path: "/api/health/live" }] },
    });
    const bareRps = Math.max(bare.rps ?? 1, 1e-9);
    const ratio = (product.rps ?? 0) / bareRps;
    return {
      product,
      baseline: rawFigures(raw),
      baseline2: bare,
      ratio: { label: "throughput / bare", value: ratio },
      met: ratio >= 0.7 && product.errors === 0,
      note: `${ids.length} random cases, 3 requests each, as admin; /api/health/live ${Math.round(floor.rps ?? 0)}/s = ${((floor.rps ?? 0) / bareRps).toFixed(2)} x bare`,
      details: { nextFloor: floor, nextFloorOverBare: (floor.rps ?? 0) / bareRps },
    };
  },
};

const allTabs: Scenario = {
  id: "case-page-all-tabs",
  title: "case page: every tab's first request",
  target: "no stated target; zero errors",
  routes: ["cases/[id]/route.ts"],
  async run(ctx) {
    const present = existingTabs();
    const ids = await sampleCases(ctx, 300);
    const suffixes = [...core, ...present];
    const requests = ids.flatMap((id) =>
      suffixes.map((suffix) => ({ path: `/api/cases/${id}${suffix}`, token: ctx.admin.token })),
    );
    // One connection per tab: a browser opening the page fires them together.
    const { figures: product, result } = await loadApp(ctx, {
      connections: suffixes.length,
      amount: sizes(ctx, suffixes.length * 150, suffixes.length * 10),
      warmup: sizes(ctx, 100, 20),
      plan: { kind: "requests", requests },
    });
    return {
      product,
      met: product.errors === 0,
      note: `${suffixes.length} endpoints: case, notes, activity${present.map((t) => `, ${t.slice(1)}`).join("")}`,
      details: { statuses: result.statuses },
    };
  },
};

export const casePageScenarios: Scenario[] = [corePage, allTabs];
