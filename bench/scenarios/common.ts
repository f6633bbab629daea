import type { LoadConfig, LoadResult } from "../lib/load-types";
import { failures } from "../lib/loader";
import type { Timing } from "../lib/stats";
import { type BenchContext, type Figures, mb } from "./types";

type LoadInput = Parameters<BenchContext["load"]>[0];

/** Request counts: the full run, or a token amount with --smoke. */
export function sizes(ctx: BenchContext, full: number, smoke: number): number {
  return ctx.smoke ? smoke : full;
}

/**
 * Runs the same load `iterations` times against the app, sampling its memory, and keeps the
 * run with the median throughput (one noisy run on a shared machine should not decide).
 */
export async function loadApp(
  ctx: BenchContext,
  config: LoadInput,
  conflictKinds: readonly string[] = [],
): Promise<{ result: LoadResult; figures: Figures }> {
  const runs: { result: LoadResult; peakRss: number }[] = [];
  for (let i = 0; i < ctx.iterations; i++) {
    const { result, peakRss } = await ctx.app.measure(() => ctx.load(config));
    runs.push({ result, peakRss });
  }
  runs.sort((a, b) => a.result.rps - b.result.rps);
  const chosen = runs[Math.floor(runs.length / 2)] ?? runs[0];
  if (!chosen) throw new Error("no runs");
  return {
    result: chosen.result,
    figures: { ...httpFigures(chosen.result, conflictKinds), peakRssMb: mb(Math.max(...runs.map((r) => r.peakRss))) },
  };
}

/**
 * Latency and load, separately: first `single` requests from one connection (the latency a user
 * sees: on two cores, N connections queue behind each other and p95 grows with N whatever the
 * code does), then the loaded run. Writes pass a separate request list for each run.
 */
export async function latencyAndLoad(
  ctx: BenchContext,
  config: LoadInput,
  single: { amount: number; requests?: LoadInput["plan"] },
  conflictKinds: readonly string[] = [],
): Promise<{ product: Figures; loaded: Figures & { connections: number }; result: LoadResult }> {
  const one = await loadApp(
    ctx,
    {
      ...config,
      connections: 1,
      amount: single.amount,
      warmup: Math.min(config.warmup ?? 0, 10),
      plan: single.requests ?? config.plan,
    },
    conflictKinds,
  );
  const many = await loadApp(ctx, config, conflictKinds);
  return {
    product: { ...one.figures, peakRssMb: Math.max(one.figures.peakRssMb ?? 0, many.figures.peakRssMb ?? 0) },
    loaded: { ...many.figures, connections: config.connections },
    result: many.result,
  };
}

/** The same load against the bare server (no memory sampling: it is not the product). */
export async function loadBare(ctx: BenchContext, config: LoadInput): Promise<Figures> {
  const runs: LoadResult[] = [];
  for (let i = 0; i < ctx.iterations; i++) runs.push(await ctx.load({ ...config, url: ctx.bareUrl, headers: {} }));
  runs.sort((a, b) => a.rps - b.rps);
  const chosen = runs[Math.floor(runs.length / 2)] ?? runs[0];
  if (!chosen) throw new Error("no runs");
  return { label: "bare http + same SQL", ...httpFigures(chosen) };
}

export function httpFigures(r: LoadResult, conflictKinds: readonly string[] = []): Figures {
  return { p50: r.p50, p95: r.p95, rps: r.rps, requests: r.requests, errors: failures(r, conflictKinds) };
}

export function rawFigures(t: Timing, label = "raw SQL (postgres.js, in-process)"): Figures {
  return { label, p50: t.p50, p95: t.p95, rps: 1000 / Math.max(t.mean, 0.001), requests: t.runs };
}

/** Plain API call from the measuring process (set-up steps, single timed requests). */
export async function api<T>(
  ctx: BenchContext,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${ctx.app.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: parsed as T, ms };
}

export type { LoadConfig };
