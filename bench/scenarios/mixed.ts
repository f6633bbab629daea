import { benchEmails } from "../data/users";
import { conflicts } from "../lib/loader";
import type { MixedPlan } from "../lib/load-types";
import { loadApp } from "./common";
import type { BenchContext, Scenario } from "./types";

/** The busiest investigators, each with the cases they lead (most recent first). */
async function investigatorsWithCases(ctx: BenchContext, users: number, perUser: number) {
  const rows = await ctx.sql<{ email: string; ids: string[] }[]>`
    select u.email, (array_agg(c.id order by c.opened_at desc))[1:${perUser}]::text[] as ids
    from users u join cases c on c.lead_id = u.id
    where u.role = 'investigator' and not u.disabled and u.email <> ${benchEmails.investigator}
    group by u.id, u.email order by count(*) desc limit ${users}`;
  return rows;
}

export const mixedScenario: Scenario = {
  id: "mixed-50-users",
  title: "50 users reading and writing for 60 s",
  target: "zero errors; p95 reported (409 conflicts expected, counted apart)",
  routes: [
    "cases/route.ts",
    "cases/[id]/route.ts",
    "cases/[id]/notes/route.ts",
    "cases/[id]/activity/route.ts",
    "cases/[id]/transition/route.ts",
  ],
  async run(ctx) {
    const { connections, duration, plan } = await mixedLoad(ctx);
    const users = plan.users;
    // One long run: the 60 s are the measurement, repeating it would only lengthen the suite.
    const { figures, result } = await loadApp(
      { ...ctx, iterations: 1 },
      { connections, duration, warmup: ctx.smoke ? 50 : 500, plan },
      ["edit"],
    );
    const byKind = Object.fromEntries(Object.entries(result.statuses).map(([k, v]) => [k, v]));
    return {
      product: figures,
      met: figures.errors === 0,
      note: `${connections} connections x ${duration} s as ${users.length} investigators + admin; ${conflicts(result)} expected 409 conflicts; statuses ${JSON.stringify(byKind)}`,
      details: { statuses: result.statuses, conflicts: conflicts(result) },
    };
  },
};

/**
 * The mixed load's users and plan: the busiest investigators on their own cases, and a share of
 * visits on a few hot cases through the admin account (their edits collide: 409s are expected).
 */
export async function mixedLoad(
  ctx: BenchContext,
): Promise<{ connections: number; duration: number; plan: MixedPlan }> {
  const connections = ctx.smoke ? 10 : 50;
  const duration = ctx.smoke ? 5 : 60;
  const people = await investigatorsWithCases(ctx, connections - 1, 30);
  const users: MixedPlan["users"] = [
    {
      token: ctx.investigator.token,
      caseIds: (await investigatorsWithCasesFor(ctx, benchEmails.investigator)).slice(0, 30),
    },
  ];
  for (const p of people) users.push({ token: (await ctx.tokenFor(p.email)).token, caseIds: p.ids });
  const hot = await ctx.sql<
    { id: string }[]
  >`select id from cases where status in ('investigating', 'contained') order by opened_at desc limit 10`;
  return {
    connections,
    duration,
    plan: {
      kind: "mixed",
      listPath: "/api/cases?status=investigating,contained&sort=-updatedAt",
      users,
      shared: { token: ctx.admin.token, caseIds: hot.map((h) => h.id) },
      sharedShare: 0.2,
    },
  };
}

async function investigatorsWithCasesFor(ctx: BenchContext, email: string): Promise<string[]> {
  const rows = await ctx.sql<
    { id: string }[]
  >`select c.id from cases c join users u on u.id = c.lead_id where u.email = ${email} order by c.opened_at desc limit 30`;
  return rows.map((r) => r.id);
}
