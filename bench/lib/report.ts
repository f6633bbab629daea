import fs from "node:fs";
import path from "node:path";
import type { Figures, ScenarioResult } from "../scenarios/types";
import { benchRoot } from "./config";

const num = (v: number | undefined, digits = 1) => (v === undefined || !Number.isFinite(v) ? "-" : v.toFixed(digits));

function rate(f: Figures | undefined): string {
  if (!f) return "-";
  if (f.mbps !== undefined) return `${num(f.mbps, 0)} MB/s`;
  return f.rps !== undefined ? `${num(f.rps, 0)}/s` : "-";
}

function latency(f: Figures | undefined): string {
  if (!f) return "-";
  if (f.p50 === undefined && f.seconds !== undefined) return `${num(f.seconds, 2)} s`;
  return `${num(f.p50)} / ${num(f.p95)}`;
}

function row(r: ScenarioResult): string[] {
  if (r.status !== "ok")
    return [
      r.title,
      r.status === "skipped" ? `skipped: ${r.note ?? ""}` : `FAILED: ${(r.note ?? "").slice(0, 140)}`,
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ];
  const p = r.product;
  const rss =
    p?.rssGrowthMb !== undefined ? `${num(p.peakRssMb, 0)} (+${num(p.rssGrowthMb, 0)})` : num(p?.peakRssMb, 0);
  const errors = p?.errors ? ` ERR ${p.errors}` : "";
  return [
    r.title,
    `${latency(p)}${errors}`,
    rate(p),
    r.loaded
      ? `${latency(r.loaded)} @${r.loaded.connections}, ${rate(r.loaded)}${r.loaded.errors ? ` ERR ${r.loaded.errors}` : ""}`
      : "-",
    rss,
    `${latency(r.baseline)} ${r.baseline?.mbps !== undefined ? rate(r.baseline) : ""}`.trim(),
    r.baseline2 ? `${rate(r.baseline2)}` : "-",
    r.ratio ? `${num(r.ratio.value, 2)}` : "-",
    r.target,
    r.met === undefined ? "-" : r.met ? "yes" : "NO",
  ];
}

/** One plain-text table: product figures, baselines from the same run, the ratio and the target. */
export function formatTable(results: ScenarioResult[]): string {
  const header = [
    "scenario",
    "p50 / p95 ms",
    "rate",
    "under load p50 / p95 @conns",
    "peak RSS MB",
    "baseline p50 / p95 ms",
    "2nd baseline",
    "ratio",
    "target",
    "met",
  ];
  const rows = [header, ...results.map(row)];
  const widths = header.map((_, c) =>
    Math.max(...rows.filter((r) => r[1] && !/^(skipped|FAILED)/.test(r[1] ?? "")).map((r) => (r[c] ?? "").length), 3),
  );
  const line = (r: string[]) =>
    /^(skipped|FAILED)/.test(r[1] ?? "")
      ? `${(r[0] ?? "").padEnd(widths[0] ?? 0)}  ${r[1]}`
      : r
          .map((cell, c) => cell.padEnd(widths[c] ?? 0))
          .join("  ")
          .trimEnd();
  const notes = results
    .filter((r) => r.status === "ok" && r.note)
    .map(
      (r) =>
        `  - ${r.title}: ${r.note}${r.baseline?.label ? `; baseline = ${r.baseline.label}` : ""}${r.baseline2?.label ? `; 2nd baseline = ${r.baseline2.label}` : ""}${r.ratio ? `; ratio = ${r.ratio.label}` : ""}`,
    );
  return [
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
    "",
    "Notes:",
    ...notes,
  ].join("\n");
}

/** Writes bench/results/<date>.json; a partial run (--only) replaces just its own scenarios in that day's file. */
export function writeResults(results: ScenarioResult[], meta: Record<string, unknown>, smoke: boolean): string {
  const dir = path.join(benchRoot, "results");
  fs.mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(dir, `${date}${smoke ? "-smoke" : ""}.json`);
  const previous = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as { runs?: unknown[]; results?: ScenarioResult[] })
    : {};
  const fresh = new Set(results.map((r) => r.id));
  const merged = [
    ...(previous.results ?? []).map((r) => (fresh.has(r.id) ? (results.find((n) => n.id === r.id) ?? r) : r)),
  ];
  for (const r of results) if (!merged.some((m) => m.id === r.id)) merged.push(r);
  const runs = [...(previous.runs ?? []), { ...meta, scenarios: [...fresh] }];
  fs.writeFileSync(file, `${JSON.stringify({ runs, results: merged }, null, 2)}\n`);
  return file;
}
