/**
 * Persona benchmark: `npx tsx --conditions=react-server bench/personas.ts [--scale=1] [--keep] [--generate-only] [--reuse=<database>]`.
 * `--keep` leaves the generated database for later runs with `--reuse` (same --scale), which skip generating.
 * Creates a fresh PostgreSQL database beside BENCH_DATABASE_URL (default the local server),
 * generates the data set of bench/personas-data.ts, then measures the app's own lib calls next to
 * the raw SQL at their core, in the same run, as an investigator who sees one case in ten.
 */
import postgres from "postgres";
import { benchUsers, generate, shapeFor, visiblePersonaSample } from "./personas-data";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const scale = Number(arg("scale") ?? "1");
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const reuse = arg("reuse");
const dbName = reuse ?? `casework_bench_personas_${Date.now()}`;
const log = (s: string) => console.log(s);

interface Row {
  name: string;
  target: string;
  lib: number[];
  raw: number[];
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);

async function time<T>(fn: () => Promise<T>, out: number[]): Promise<T> {
  const start = performance.now();
  const result = await fn();
  out.push(performance.now() - start);
  return result;
}

async function main() {
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  if (!reuse) await admin.unsafe(`create database "${dbName}"`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  process.env.DATABASE_URL = url.toString();
  process.env.LOG_LEVEL = "silent";
  const gen = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const raw = postgres(url.toString(), { max: 4, onnotice: () => {} });
  try {
    const { ready, closeDb } = await import("@/db");
    await ready();
    const shape = shapeFor(scale);
    const started = performance.now();
    if (!reuse) log(`Generating scale ${scale} into ${dbName}:`);
    const ids = reuse ? await benchUsers(gen) : await generate(gen, shape, log);
    const [counts] =
      await gen`select (select count(*) from personas)::int as p, (select count(*) from identifiers)::int as i,
      (select count(*) from persona_identifiers)::int as pi, (select count(*) from persona_links)::int as l`;
    log(
      `  total ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts!.p} personas, ${counts!.i} identifiers, ${counts!.pi} persona-identifier links, ${counts!.l} explicit links\n`,
    );
    const sample = await visiblePersonaSample(gen, shape, 400);
    // Outside the large networks, so none of them already holds the shared emails being added.
    const adders = await visiblePersonaSample(gen, shape, 400, shape.largeTotal + 1);
    const lead = {
      id: ids.lead,
      email: "bench-lead@example.test",
      name: "Bench Lead",
      role: "investigator" as const,
      via: "cli" as const,
    };
    const adminActor = {
      id: ids.admin,
      email: "bench-admin@example.test",
      name: "Bench Admin",
      role: "admin" as const,
      via: "cli" as const,
    };
    if (process.argv.includes("--generate-only")) {
      await closeDb();
      return;
    }
    const { measureAll } = await import("./personas-measure");
    const rows: Row[] = await measureAll({ raw, shape, sample, adders, lead, admin: adminActor, time });
    console.log(
      `\nScale ${scale} (${counts!.p} personas, ${counts!.i} identifiers, ${counts!.pi} links), as an investigator seeing 1 case in 10\n`,
    );
    console.log(`| operation | n | lib p50 | lib p95 | raw SQL p50 | raw SQL p95 | target |`);
    console.log(`|---|---|---|---|---|---|---|`);
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.lib.length} | ${ms(pct(r.lib, 50))} | ${ms(pct(r.lib, 95))} | ${ms(pct(r.raw, 50))} | ${ms(pct(r.raw, 95))} | ${r.target} |`,
      );
    await closeDb();
  } finally {
    await gen.end();
    await raw.end();
    if (!process.argv.includes("--keep") && !reuse)
      await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    else log(`kept database ${dbName}`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
