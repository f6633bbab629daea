/** One request of a plan: the worker sends them round-robin. */
export interface RequestSpec {
  method?: string;
  path: string;
  token?: string;
  body?: unknown;
}

/** A working session on one case: a user (by token) and the case they work on. */
export interface MixedPlan {
  kind: "mixed";
  listPath: string;
  /** Each user's own cases; a flow picks a user, then one of their cases. */
  users: { token: string; caseIds: string[] }[];
  /** Cases everyone touches through one shared account, where edits collide. */
  shared: { token: string; caseIds: string[] };
  sharedShare: number;
}

export interface LoadConfig {
  url: string;
  connections: number;
  amount?: number;
  duration?: number;
  warmup?: number;
  headers: Record<string, string>;
  plan: { kind: "requests"; requests: RequestSpec[] } | MixedPlan;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  /** Counts per request kind (read, write, conflictable write) and HTTP status. */
  statuses: Record<string, Record<string, number>>;
}
