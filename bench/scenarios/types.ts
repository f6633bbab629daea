import type { Sql } from "postgres";
import type { Actor } from "@/lib/auth/actor";
import type { LoadConfig, LoadResult } from "../lib/load-types";
import type { RunningServer } from "../lib/server";

/** What a scenario measured about the product or about its baseline. */
export interface Figures {
  label?: string;
  p50?: number;
  p95?: number;
  rps?: number;
  /** MB/s for transfers. */
  mbps?: number;
  seconds?: number;
  peakRssMb?: number;
  rssGrowthMb?: number;
  requests?: number;
  errors?: number;
}

export interface ScenarioResult {
  id: string;
  title: string;
  status: "ok" | "skipped" | "failed";
  note?: string;
  product?: Figures;
  baseline?: Figures;
  /** Extra baseline (e.g. the bare server next to the raw SQL). */
  baseline2?: Figures;
  ratio?: { label: string; value: number };
  /**
   * The same requests from several connections at once. `product` is then one connection (the
   * latency one user sees, which the latency targets judge); this is what the machine sustains.
   */
  loaded?: Figures & { connections: number };
  target: string;
  met?: boolean;
  details?: Record<string, unknown>;
}

export interface BenchUser {
  actor: Actor;
  token: string;
}

export interface BenchContext {
  app: RunningServer;
  bareUrl: string;
  /** postgres.js pool for raw timings (same size as the app's). */
  sql: Sql;
  admin: BenchUser;
  investigator: BenchUser;
  /** Makes an extra API token for a user (revoked when the run ends). */
  tokenFor(email: string): Promise<BenchUser>;
  smoke: boolean;
  iterations: number;
  dataDir: string;
  load(
    config: Omit<LoadConfig, "url" | "headers"> & { url?: string; headers?: Record<string, string> },
  ): Promise<LoadResult>;
}

export interface Scenario {
  id: string;
  title: string;
  target: string;
  /** Route files (under app/api) the scenario needs; missing ones make it "skipped". */
  routes: string[];
  run(
    ctx: BenchContext,
  ): Promise<Omit<ScenarioResult, "id" | "title" | "target" | "status"> & { status?: ScenarioResult["status"] }>;
}

export const mb = (bytes: number) => bytes / (1024 * 1024);
