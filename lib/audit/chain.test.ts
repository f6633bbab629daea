import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  type ChainedFields,
  checkLink,
  GENESIS_HASH,
  hashEvent,
  joinPayload,
  payloadAround,
} from "./chain";

describe("canonicalJson", () => {
  it("sorts keys at every depth, so key order never changes the output", () => {
    const a = canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: "z" } });
    const b = canonicalJson({ a: { c: "z", d: [{ x: 2, y: 1 }] }, b: 1 });
    expect(a).toBe('{"a":{"c":"z","d":[{"x":2,"y":1}]},"b":1}');
    expect(b).toBe(a);
  });

  it("keeps array order, drops undefined fields and writes dates as ISO strings", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson({ at: new Date("2026-01-02T03:04:05.678Z") })).toBe('{"at":"2026-01-02T03:04:05.678Z"}');
    expect(canonicalJson("x")).toBe('"x"');
    expect(canonicalJson(undefined)).toBe("null");
  });
});

type Row = ChainedFields & { hash: string };

/** A valid chain of `n` events, built the way recordAudit builds them. */
function buildChain(n: number): Row[] {
  const rows: Row[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorId: null,
      actorLabel: "system",
      action: "test.event",
      entityType: "test",
      entityId: `entity-${seq}`,
      caseId: null,
      detail: { n: seq, nested: { ok: true } },
      prevHash,
    };
    const hash = hashEvent(fields);
    rows.push({ ...fields, hash });
    prevHash = hash;
  }
  return rows;
}

function firstBreak(rows: Row[]) {
  let cursor = { seq: 0, hash: GENESIS_HASH };
  for (const row of rows) {
    const problem = checkLink(cursor, row);
    if (problem) return problem;
    cursor = { seq: row.seq, hash: row.hash };
  }
  return null;
}

describe("checkLink", () => {
  it("accepts an untouched chain", () => {
    expect(firstBreak(buildChain(5))).toBeNull();
  });

  it("gives a different hash for any change to an event", () => {
    const [row] = buildChain(1);
    const base = hashEvent(row!);
    expect(hashEvent({ ...row!, action: "other" })).not.toBe(base);
    expect(hashEvent({ ...row!, detail: { n: 2, nested: { ok: true } } })).not.toBe(base);
    expect(hashEvent({ ...row!, at: new Date(row!.at.getTime() + 1) })).not.toBe(base);
    expect(hashEvent({ ...row!, prevHash: "f".repeat(64) })).not.toBe(base);
  });

  it("hashes a stored row (which carries its own hash) the same as the fields it was written from", () => {
    const [row] = buildChain(1);
    const { hash, ...fields } = row!;
    expect(hashEvent(row!)).toBe(hash);
    expect(hashEvent(fields)).toBe(hash);
  });

  it("names the altered event", () => {
    const rows = buildChain(5);
    rows[2] = { ...rows[2]!, detail: { n: 999, nested: { ok: true } } };
    expect(firstBreak(rows)).toMatchObject({ seq: 3, problem: "hash_mismatch" });
  });

  it("names a deleted event", () => {
    const rows = buildChain(5);
    rows.splice(1, 1);
    expect(firstBreak(rows)).toMatchObject({ seq: 2, problem: "missing" });
  });

  it("catches an event rewritten with a fresh hash, because the next one no longer chains to it", () => {
    const rows = buildChain(5);
    const forged = { ...rows[1]!, action: "forged" };
    rows[1] = { ...forged, hash: hashEvent(forged) };
    expect(firstBreak(rows)).toMatchObject({ seq: 3, problem: "prev_hash_mismatch" });
  });

  it("refuses a first event that does not chain to the genesis hash", () => {
    const rows = buildChain(2);
    const first = { ...rows[0]!, prevHash: "1".repeat(64) };
    rows[0] = { ...first, hash: hashEvent(first) };
    expect(firstBreak(rows)).toMatchObject({ seq: 1, problem: "prev_hash_mismatch" });
  });
});

describe("payloadAround", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const cases: Omit<ChainedFields, "seq" | "at" | "prevHash">[] = [
    { actorId: null, actorLabel: "system", action: "a", entityType: "t", entityId: null, caseId: null, detail: {} },
    {
      actorId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      actorLabel: 'Ana "the lead" <ana@example.test>',
      action: "case.update",
      entityType: "case",
      entityId: 'x","at":"1',
      caseId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      detail: { z: [1, "김상만", { b: null, a: '\\"' }], a: { prevHash: "0", seq: 2 }, emoji: "🙂\u2028" },
    },
  ];
  it.each(cases)("joins with the head's time, previous hash and seq into exactly what hashEvent hashes", (fields) => {
    const at = new Date("2026-12-04T19:30:00.120Z");
    const prevHash = "ab".repeat(32);
    const joined = joinPayload(payloadAround(fields), at.toISOString(), prevHash, 123456789012);
    expect(JSON.parse(joined)).toEqual(JSON.parse(canonicalJson({ ...fields, at, prevHash, seq: 123456789012 })));
    expect(sha256(joined)).toBe(hashEvent({ ...fields, at, prevHash, seq: 123456789012 }));
  });
});
