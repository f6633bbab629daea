import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { signAnchor } from "@/lib/audit/anchor";
import { instanceSigningKey } from "./signing";
import { checkPackAudit } from "./verify-audit";
import type { PackProblem } from "./verify-pack";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-pack-audit-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const key = instanceSigningKey(path.join(dir, "a"));
const other = instanceSigningKey(path.join(dir, "b"));
const hash = (c: string) => c.repeat(64);

function check(audit: unknown, pem = key.publicKeyPem) {
  const problems: PackProblem[] = [];
  const result = checkPackAudit(
    Buffer.from(JSON.stringify({ format: "casework-evidence-pack", audit })),
    Buffer.from(pem),
    problems,
  );
  return { result, problems: problems.map((p) => `${p.file}: ${p.problem}`) };
}

function anchorOf(seq: number, h: string, signer = key) {
  const { keyFingerprint: _k, ...anchor } = signAnchor({ seq, hash: h }, signer, new Date("2026-03-01T10:00:00Z"));
  return anchor;
}

describe("the audit head in a pack's manifest", () => {
  it("is optional, so packs made before it still verify", () => {
    const problems: PackProblem[] = [];
    expect(checkPackAudit(Buffer.from("{}"), Buffer.from(key.publicKeyPem), problems)).toEqual({
      headSeq: null,
      anchor: null,
    });
    expect(problems).toEqual([]);
  });

  it("accepts an anchor signed by the pack's key, at or behind the recorded head", () => {
    expect(check({ headSeq: 12, headHash: hash("c"), anchor: anchorOf(10, hash("a")) })).toEqual({
      result: { headSeq: 12, anchor: { seq: 10, at: "2026-03-01T10:00:00.000Z", valid: true } },
      problems: [],
    });
    expect(check({ headSeq: 10, headHash: hash("a"), anchor: anchorOf(10, hash("a")) }).problems).toEqual([]);
    expect(check({ headSeq: 3, headHash: hash("a") })).toEqual({ result: { headSeq: 3, anchor: null }, problems: [] });
  });

  it("names an anchor that another key signed or that was altered", () => {
    expect(check({ headSeq: 12, headHash: hash("c"), anchor: anchorOf(10, hash("a"), other) }).problems).toEqual([
      "manifest.json: its audit anchor (event 10, 2026-03-01T10:00:00.000Z) has a signature that does not verify with public-key.pem",
    ]);
    const altered = { ...anchorOf(10, hash("a")), hash: hash("b") };
    expect(check({ headSeq: 12, headHash: hash("c"), anchor: altered }).result.anchor?.valid).toBe(false);
  });

  it("names an anchor ahead of the head, or at it with another hash: the log had lost or rewritten its tail", () => {
    expect(check({ headSeq: 9, headHash: hash("c"), anchor: anchorOf(10, hash("a")) }).problems).toEqual([
      "manifest.json: its audit anchor (event 10, 2026-03-01T10:00:00.000Z) is ahead of the audit log's newest event when the pack was made (9): the log had lost its tail",
    ]);
    expect(check({ headSeq: 10, headHash: hash("c"), anchor: anchorOf(10, hash("a")) }).problems).toEqual([
      expect.stringContaining("the tail had been rewritten"),
    ]);
  });

  it("names a malformed audit head", () => {
    expect(check({ headSeq: "12", headHash: "nope" }).problems).toEqual([
      "manifest.json: its audit head (audit.headSeq, audit.headHash, audit.anchor) is malformed",
    ]);
  });
});
