import { percentile } from "./stats";

export interface ProbeFigures {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * One user of the app, in the same process as the work measured: calls `request` back to back
 * until stopped, timing each. Started before and during a piece of work, it shows what that work
 * costs the people using the app at the time.
 */
export function startProbe(request: (i: number) => Promise<unknown>): { stop(): Promise<ProbeFigures> } {
  const times: number[] = [];
  let errors = 0;
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      try {
        await request(i);
      } catch {
        errors += 1;
      }
      times.push(performance.now() - started);
      // Lets timers (the RSS sampler, the job's lease) run between requests.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...times].sort((a, b) => a - b);
      return {
        requests: times.length,
        errors,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted[sorted.length - 1] ?? 0,
      };
    },
  };
}

/** The resident set size, sampled every 50 ms: the peak over the value when it started. */
export function startRssSampler(): {
  peakMb(): number;
  stop(): { startMb: number; peakMb: number; growthMb: number };
} {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    peakMb: () => Math.max(peak, process.memoryUsage().rss) / 1048576,
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return { startMb: start / 1048576, peakMb: peak / 1048576, growthMb: (peak - start) / 1048576 };
    },
  };
}
