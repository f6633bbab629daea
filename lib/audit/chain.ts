import { createHash } from "node:crypto";

/** The hash the first event chains to. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  caseId: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function hashEvent(fields: ChainedFields): string {
  // Only the chained fields: a stored row also carries its own `hash`, which must not feed back in.
  const { seq, at, actorId, actorLabel, action, entityType, entityId, caseId, detail, prevHash } = fields;
  const payload = canonicalJson({
    seq,
    at: at.toISOString(),
    actorId,
    actorLabel,
    action,
    entityType,
    entityId,
    caseId,
    detail,
    prevHash,
  });
  return createHash("sha256").update(payload).digest("hex");
}

/**
 * The hashed payload of an event around the three values only the chain's head knows: the text
 * before `at`, and the text between `at` and `prevHash` (the payload then ends with
 * `prevHash","seq":<seq>}`). Keys sort as canonicalJson sorts them; chain.test.ts checks that the
 * joined text is exactly what hashEvent hashes.
 */
export function payloadAround(fields: Omit<ChainedFields, "seq" | "at" | "prevHash">): {
  beforeAt: string;
  afterAt: string;
} {
  const { actorId, actorLabel, action, entityType, entityId, caseId, detail } = fields;
  const head = canonicalJson({ action, actorId, actorLabel });
  const middle = canonicalJson({ caseId, detail, entityId, entityType });
  return {
    beforeAt: `${head.slice(0, -1)},"at":"`,
    afterAt: `",${middle.slice(1, -1)},"prevHash":"`,
  };
}

/** The payload joined from its parts, as the database joins it (see payloadAround). */
export function joinPayload(parts: { beforeAt: string; afterAt: string }, at: string, prevHash: string, seq: number) {
  return `${parts.beforeAt}${at}${parts.afterAt}${prevHash}","seq":${seq}}`;
}

export type ChainBreak =
  | { seq: number; problem: "missing"; message: string }
  | { seq: number; problem: "prev_hash_mismatch"; message: string }
  | { seq: number; problem: "hash_mismatch"; message: string };

export interface ChainCursor {
  seq: number;
  hash: string;
}

/**
 * Checks one event against the previous one. A changed row fails its own hash; a deleted row
 * leaves a gap in `seq` and the next row's `prevHash` no longer matches.
 */
export function checkLink(prev: ChainCursor, row: ChainedFields & { hash: string }): ChainBreak | null {
  if (row.seq !== prev.seq + 1) {
    return {
      seq: prev.seq + 1,
      problem: "missing",
      message: `event ${prev.seq + 1} is missing (next present is ${row.seq})`,
    };
  }
  if (row.prevHash !== prev.hash) {
    return {
      seq: row.seq,
      problem: "prev_hash_mismatch",
      message: `event ${row.seq} does not chain to event ${prev.seq}`,
    };
  }
  if (hashEvent(row) !== row.hash) {
    return { seq: row.seq, problem: "hash_mismatch", message: `event ${row.seq} was altered after it was written` };
  }
  return null;
}
