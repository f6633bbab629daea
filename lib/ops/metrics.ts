import { sql } from "drizzle-orm";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { db, queryRows } from "@/db";

interface Metrics {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  duration: Histogram<"method" | "route">;
  uploadBytes: Counter;
}

// One registry per process, on globalThis: Next may load this module in several module graphs.
const key = Symbol.for("casework.metrics");
function metrics(): Metrics {
  const g = globalThis as typeof globalThis & { [key]?: Metrics };
  if (g[key]) return g[key];
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "casework_" });
  const m: Metrics = {
    registry,
    requests: new Counter({
      name: "casework_http_requests_total",
      help: "API requests answered, by method, route and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "casework_http_request_duration_seconds",
      help: "Time to answer API requests, by method and route",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    uploadBytes: new Counter({
      name: "casework_upload_bytes_total",
      help: "Evidence bytes received and stored",
      registers: [registry],
    }),
  };
  // Read from the jobs table at each scrape, so every instance reports the whole queue.
  const depth = new Gauge({
    name: "casework_jobs_waiting",
    help: "Jobs queued or running, by kind and status",
    labelNames: ["kind", "status"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await queueFigures()) this.set({ kind: row.kind, status: row.status }, Number(row.count));
    },
  });
  new Gauge({
    name: "casework_jobs_oldest_age_seconds",
    help: "Age of the oldest due job still queued, by kind",
    labelNames: ["kind"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await queueFigures())
        if (row.status === "queued") this.set({ kind: row.kind }, Number(row.oldest_seconds));
    },
  });
  void depth;
  g[key] = m;
  return m;
}

let figures: { at: number; rows: Promise<QueueRow[]> } | null = null;
interface QueueRow extends Record<string, unknown> {
  kind: string;
  status: string;
  count: number | string;
  oldest_seconds: number | string;
}
/** One query per scrape for both gauges. */
function queueFigures(): Promise<QueueRow[]> {
  if (!figures || Date.now() - figures.at > 1000)
    figures = {
      at: Date.now(),
      rows: queryRows<QueueRow>(
        db,
        sql`select kind, status, count(*) as count,
              coalesce(extract(epoch from now() - (min(run_after) filter (where run_after <= now()))), 0) as oldest_seconds
            from jobs where status in ('queued', 'running') group by kind, status`,
      ),
    };
  return figures.rows;
}

/** The route of a path with its ids replaced, so labels stay few: /api/cases/:id/notes. */
export function routeLabel(pathname: string): string {
  return pathname
    .split("/")
    .map((part) => (/^[0-9a-f-]{36}$/i.test(part) || /^\d+$/.test(part) || /^CASE-/i.test(part) ? ":id" : part))
    .join("/");
}

/** Starts timing a request; call the answer with the response status when it is done. */
export function observeRequest(request: Request): (status: number) => void {
  const started = process.hrtime.bigint();
  const route = routeLabel(new URL(request.url).pathname);
  const method = request.method;
  return (status) => {
    const m = metrics();
    m.requests.inc({ method, route, status: String(status) });
    m.duration.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
  };
}

export function countUploadBytes(bytes: number): void {
  metrics().uploadBytes.inc(bytes);
}

/** The Prometheus text exposition of this process's metrics and the shared queue's. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
