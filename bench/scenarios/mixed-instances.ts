import { randomBytes } from "node:crypto";
import { benchDatabaseUrl } from "../lib/config";
import { describeAuditLock, watchAuditLock } from "../lib/audit-lock-watch";
import { conflicts } from "../lib/loader";
import type { LoadResult } from "../lib/load-types";
import { roundRobinProxy } from "../lib/round-robin-proxy";
import { startApp } from "../lib/server";
import { httpFigures } from "./common";
import { mixedLoad, mixedScenario } from "./mixed";
import type { Scenario } from "./types";

/**
 * The mixed load against two instances on one database and one data folder, behind a round-robin
 * proxy (bench/lib/round-robin-proxy.ts), beside the same load through the same proxy to one
 * instance, in the same run: errors across instances (stale versions, audit chain, caches) and
 * what a second instance adds on this machine. On two cores a second instance competes with the
 * first for them: the ratio shows the cost of sharing, not the scaling of a larger machine.
 */
export const mixedInstancesScenario: Scenario = {
  id: "mixed-50-users-2-instances",
  title: "50 users for 60 s, two instances behind a round-robin proxy",
  target: "zero errors (409 conflicts expected, counted apart); throughput against one instance reported",
  routes: mixedScenario.routes,
  async run(ctx) {
    const { connections, duration, plan } = await mixedLoad(ctx);
    const warmup = ctx.smoke ? 50 : 500;
    const through = async (upstreams: string[]) => {
      const proxy = await roundRobinProxy(upstreams);
      const lock = await watchAuditLock(ctx.sql);
      try {
        const result = await ctx.load({ url: proxy.url, connections, duration, warmup, plan });
        return { result, forwarded: [...proxy.forwarded], failures: [...proxy.failures], lock: await lock.stop() };
      } finally {
        await lock.stop();
        await proxy.close();
      }
    };
    const one = await through([ctx.app.url]);
    const port = Number(new URL(ctx.app.url).port) + 20;
    const second = await startApp(port, benchDatabaseUrl(), ctx.dataDir, randomBytes(32).toString("base64url"));
    let two: Awaited<ReturnType<typeof through>>;
    try {
      two = await through([ctx.app.url, second.url]);
    } finally {
      await second.stop();
    }
    const figures = (r: LoadResult, label: string) => ({ label, ...httpFigures(r, ["edit"]) });
    const product = figures(two.result, "two instances");
    const baseline = figures(one.result, "one instance, same proxy");
    return {
      product,
      baseline,
      ratio: { label: "throughput, two instances / one", value: two.result.rps / one.result.rps },
      met: product.errors === 0 && baseline.errors === 0,
      note: `${connections} connections x ${duration} s each; requests per instance ${two.forwarded.join(" / ")}; 409 conflicts ${conflicts(two.result)} (one instance: ${conflicts(one.result)}); statuses ${JSON.stringify(two.result.statuses)}${
        two.failures.length + one.failures.length > 0
          ? `; upstream failures ${[...two.failures, ...one.failures].slice(0, 5).join(", ")}`
          : ""
      }; ${describeAuditLock("two instances", two.lock)}; ${describeAuditLock("one", one.lock)}`,
      details: { two: two.result.statuses, one: one.result.statuses, auditLock: { two: two.lock, one: one.lock } },
    };
  },
};
