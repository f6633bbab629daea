/**
 * The load generator, run as its own process so it never competes with the measuring process's
 * event loop: `tsx bench/load-worker.ts <config.json>`, prints one JSON line with the result.
 */
import fs from "node:fs";
import autocannon from "autocannon";
import { mixedFlow } from "./lib/mixed-flow";
import type { LoadConfig, LoadResult, RequestSpec } from "./lib/load-types";
import { percentile } from "./lib/stats";

type Request = autocannon.Request & {
  setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};

function apply(
  req: Record<string, unknown>,
  spec: RequestSpec,
  headers: Record<string, string>,
): Record<string, unknown> {
  req.method = spec.method ?? "GET";
  req.path = spec.path;
  req.headers = {
    ...headers,
    ...(spec.token ? { authorization: `Bearer ${spec.token}` } : {}),
    ...(spec.body === undefined ? {} : { "content-type": "application/json" }),
  };
  req.body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  return req;
}

/** `offset` lets the measured run continue after the warm-up's requests (writes must not repeat). */
function requestsFor(config: LoadConfig, tally: (kind: string, status: number) => void, offset: number): Request[] {
  if (config.plan.kind === "mixed") return mixedFlow(config.plan, tally) as Request[];
  const specs = config.plan.requests;
  let next = offset;
  return [
    {
      setupRequest: (req) => apply(req, specs[next++ % specs.length] as RequestSpec, config.headers),
      onResponse: (status) => tally("read", status),
    },
  ];
}

async function once(
  config: LoadConfig,
  amount: number | undefined,
  duration: number | undefined,
  offset: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, Record<string, number>> = {};
  const tally = (kind: string, status: number) => {
    const byKind = (statuses[kind] ??= {});
    byKind[status] = (byKind[status] ?? 0) + 1;
  };
  const started = performance.now();
  const instance = autocannon({
    url: config.url,
    // autocannon refuses more connections than requests (a short warm-up, a smoke run).
    connections: amount ? Math.min(config.connections, amount) : config.connections,
    ...(amount ? { amount } : { duration: duration ?? 10 }),
    timeout: 30,
    headers: config.headers,
    requests: requestsFor(config, tally, offset),
  });
  // autocannon notices that a fixed amount is done only at its next one-second tick: timed to
  // the last answer instead, or every rate would be the amount over a whole number of seconds.
  let last = started;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    last = performance.now();
  });
  const result = await instance;
  const seconds = ((amount ? last : performance.now()) - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
}

async function main(): Promise<void> {
  const config = JSON.parse(fs.readFileSync(process.argv[2] ?? "", "utf8")) as LoadConfig;
  if (config.warmup) await once(config, config.warmup, undefined, 0);
  const result = await once(config, config.amount, config.duration, config.warmup ?? 0);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
