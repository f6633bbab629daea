import os from "node:os";
import path from "node:path";

/**
 * Benchmark tooling runs beside the app, not inside it, so it reads its few settings here and
 * hands them to the app through the environment of the processes it starts.
 */
export const benchRoot = path.resolve(__dirname, "..");
export const projectRoot = path.resolve(benchRoot, "..");

/** The PostgreSQL to load and measure: required, and only on this machine (we truncate and flood it). */
export function benchDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set: point it at a local PostgreSQL database made for benchmarks (createdb casework_bench).",
    );
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const local =
    ["localhost", "127.0.0.1", "::1", ""].includes(host) || (parsed.searchParams.get("host") ?? "").startsWith("/");
  if (!local) throw new Error(`Refusing to use a non-local database (${host}): benchmarks truncate and flood it.`);
  return url;
}

/** Evidence files of the benchmark data set (DATA_DIR if set); the server under test gets the same folder. */
export function benchDataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? path.join(os.tmpdir(), "casework-bench"));
}

/** Call before importing anything from lib/ or db/, which read the environment once on import. */
export function pointAppAtBench(): { databaseUrl: string; dataDir: string } {
  const databaseUrl = benchDatabaseUrl();
  const dataDir = benchDataDir();
  process.env.DATA_DIR = dataDir;
  process.env.LOG_LEVEL ??= "warn";
  return { databaseUrl, dataDir };
}

export function flag(args: string[], name: string): boolean {
  return args.includes(`--${name}`);
}

export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
