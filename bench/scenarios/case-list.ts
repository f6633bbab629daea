import { runList } from "../lib/sql-runner";
import { timeSequential } from "../lib/stats";
import { latencyAndLoad, loadBare, rawFigures, sizes } from "./common";
import type { BenchContext, Scenario } from "./types";

/**
 * Open cases that mention a surname, newest first: what an investigator types into the list.
 * The surname appears in about 5% of subjects and 2% of notes, so the search is selective the
 * way real searches are; the broad variant searches a word found in about a third of notes.
 */
export const listVariants = {
  investigator: {
    user: "investigator",
    requests: 1000,
    query: { status: "investigating,contained", q: "Mockford", sort: "-openedAt" },
  },
  admin: {
    user: "admin",
    requests: 1000,
    query: { status: "investigating,contained", q: "Mockford", sort: "-openedAt" },
  },
  // Seconds per answer at large scale: a handful of requests says enough.
  broad: { user: "admin", requests: 100, query: { q: "laptop", sort: "-updatedAt" } },
} as const;
export type ListVariant = keyof typeof listVariants;

function listScenario(name: ListVariant, title: string): Scenario {
  const variant = listVariants[name];
  const qs = new URLSearchParams(variant.query).toString();
  return {
    id: `case-list-${name}`,
    title,
    target: "p95 <= 50 ms; throughput >= 0.5 x bare",
    routes: ["cases/route.ts"],
    async run(ctx: BenchContext) {
      const user = variant.user === "admin" ? ctx.admin : ctx.investigator;
      const amount = sizes(ctx, variant.requests, 50);
      const config = {
        connections: 10,
        amount,
        warmup: sizes(ctx, variant.requests / 10, 10),
        plan: { kind: "requests" as const, requests: [{ path: `/api/cases?${qs}`, token: user.token }] },
      };
      const { product, loaded } = await latencyAndLoad(ctx, config, {
        amount: sizes(ctx, Math.min(variant.requests, 200), 10),
      });
      const bare = await loadBare(ctx, {
        ...config,
        plan: { kind: "requests", requests: [{ path: `/list/${name}` }] },
      });
      const { caseListSql } = await import("../lib/queries");
      const statements = caseListSql(user.actor, variant.query);
      const raw = await timeSequential(() => runList(ctx.sql, statements), sizes(ctx, 200, 10));
      const [{ total } = { total: 0 }] = [await runList(ctx.sql, statements)];
      const ratio = (loaded.rps ?? 0) / Math.max(bare.rps ?? 1, 1e-9);
      return {
        product,
        loaded,
        baseline: rawFigures(raw),
        baseline2: bare,
        ratio: { label: "throughput under load / bare under the same load", value: ratio },
        met: (product.p95 ?? Infinity) <= 50 && ratio >= 0.5 && product.errors === 0 && loaded.errors === 0,
        note: `GET /api/cases?${qs} as ${variant.user} (${total} matches)`,
      };
    },
  };
}

export const caseListScenarios: Scenario[] = [
  listScenario("investigator", "case list: filtered, searched, sorted (investigator)"),
  listScenario("admin", "case list: filtered, searched, sorted (admin)"),
  listScenario("broad", "case list: broad search, no filter (admin)"),
];
