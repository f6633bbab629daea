/** Nearest-rank percentile of an ascending array (0 for an empty one). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
}

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  mean: number;
}

/** Times `fn` `runs` times one after another, after `warmup` untimed runs. */
export async function timeSequential(
  fn: (i: number) => Promise<unknown>,
  runs: number,
  warmup = Math.min(20, runs),
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    runs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    mean: times.reduce((a, b) => a + b, 0) / Math.max(1, runs),
  };
}
