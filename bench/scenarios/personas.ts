import { depth2Sql, holdersSql, screenSql } from "../lib/reference-sql";
import { timeSequential } from "../lib/stats";
import { latencyAndLoad, loadApp, rawFigures, sizes } from "./common";
import type { BenchContext, Scenario } from "./types";

/** Emails already held by two or more personas: adding one to another persona must report its holders. */
async function sharedEmails(ctx: BenchContext, n: number): Promise<string[]> {
  const rows = await ctx.sql<{ v: string }[]>`
    select i.normalized_value as v from identifiers i join persona_identifiers pi on pi.identifier_id = i.id
    where i.type = 'email' group by i.id having count(*) >= 2 limit ${n}`;
  return rows.map((r) => r.v);
}

async function personaSample(ctx: BenchContext, n: number, networked: boolean): Promise<string[]> {
  // Personas holding a shared identifier sit in a network; the rest stand alone.
  const rows = networked
    ? await ctx.sql<
        { id: string }[]
      >`select distinct pi.persona_id as id from persona_identifiers pi join (select identifier_id from persona_identifiers tablesample system (1) group by identifier_id having count(*) > 1 limit ${n * 4}) s using (identifier_id) limit ${n}`
    : await ctx.sql<{ id: string }[]>`select id from personas tablesample system (5) limit ${n}`;
  return rows.map((r) => r.id);
}

const identifierAdd: Scenario = {
  id: "identifier-add",
  title: "identifier add with matches",
  target: "p95 <= 20 ms",
  routes: ["personas/[id]/identifiers/route.ts"],
  async run(ctx) {
    const amount = sizes(ctx, 500, 40);
    const warmup = sizes(ctx, 50, 10);
    const single = sizes(ctx, 200, 10);
    const singleTotal = (single + 10) * ctx.iterations;
    const total = (amount + warmup) * ctx.iterations + singleTotal + 50;
    const emails = await sharedEmails(ctx, total);
    const targets = await personaSample(ctx, total, false);
    const requests = targets.map((personaId, k) => ({
      method: "POST",
      path: `/api/personas/${personaId}/identifiers`,
      token: ctx.admin.token,
      body: { type: "email", value: emails[k % emails.length] },
    }));
    // Each run gets its own (persona, email) pairs: a pair already added answers 409.
    const { product, loaded, result } = await latencyAndLoad(
      ctx,
      { connections: 10, amount, warmup, plan: { kind: "requests", requests: requests.slice(singleTotal) } },
      { amount: single, requests: { kind: "requests", requests: requests.slice(0, singleTotal) } },
    );
    const raw = await timeSequential(
      (i) => ctx.sql.unsafe(holdersSql, ["email", emails[i % emails.length] ?? ""]),
      sizes(ctx, 300, 10),
    );
    return {
      product,
      loaded,
      baseline: rawFigures(raw, "reference SQL: holders of one identifier"),
      met: (product.p95 ?? Infinity) <= 20 && product.errors === 0 && loaded.errors === 0,
      note: "POST an email already held by 2+ personas to another persona, as admin",
      details: { statuses: result.statuses },
    };
  },
};

const graphDepth2: Scenario = {
  id: "graph-depth-2",
  title: "depth-2 graph of a persona",
  target: "p95 <= 100 ms",
  routes: ["personas/[id]/graph/route.ts"],
  async run(ctx) {
    const ids = await personaSample(ctx, 200, true);
    const requests = ids.map((id) => ({ path: `/api/personas/${id}/graph?depth=2`, token: ctx.admin.token }));
    const { product, loaded, result } = await latencyAndLoad(
      ctx,
      { connections: 5, amount: sizes(ctx, 300, 20), warmup: sizes(ctx, 30, 5), plan: { kind: "requests", requests } },
      { amount: sizes(ctx, 200, 10) },
    );
    const raw = await timeSequential(
      (i) => ctx.sql.unsafe(depth2Sql, [ids[i % ids.length] ?? ""]),
      sizes(ctx, 200, 10),
    );
    return {
      product,
      loaded,
      baseline: rawFigures(raw, "reference SQL: two persona hops"),
      met: (product.p95 ?? Infinity) <= 100 && product.errors === 0 && loaded.errors === 0,
      note: `${ids.length} personas that share identifiers, as admin`,
      details: { statuses: result.statuses },
    };
  },
};

const screening: Scenario = {
  id: "screening-10k",
  title: "screening 10,000 identifiers",
  target: "<= 2 s per request",
  routes: ["screen/route.ts"],
  async run(ctx) {
    // A third are known (emails and IPs already on personas), the rest new applicants' values.
    const known = await ctx.sql<
      { type: string; v: string }[]
    >`select type::text as type, normalized_value as v from identifiers tablesample system (2) where type in ('email', 'ip') limit 3334`;
    const rows = Array.from({ length: 10_000 }, (_, k) =>
      known[k] && k % 3 === 0
        ? { type: known[k].type, value: known[k].v }
        : { type: "email", value: `applicant-${k}-${Date.now()}@example.org` },
    );
    const body = { identifiers: rows };
    const { figures: product, result } = await loadApp(ctx, {
      connections: 1,
      amount: sizes(ctx, 5, 1),
      warmup: 1,
      plan: { kind: "requests", requests: [{ method: "POST", path: "/api/screen", token: ctx.admin.token, body }] },
    });
    const raw = await timeSequential(
      () => ctx.sql.unsafe(screenSql, [rows.map((r) => r.type), rows.map((r) => r.value)] as never[]),
      sizes(ctx, 5, 1),
      1,
    );
    return {
      product,
      baseline: rawFigures(raw, "reference SQL: one join over all 10,000"),
      met: (product.p95 ?? Infinity) <= 2000 && product.errors === 0,
      note: `10,000 rows (${known.length} known) per request`,
      details: { statuses: result.statuses },
    };
  },
};

export const personaScenarios: Scenario[] = [identifierAdd, graphDepth2, screening];
