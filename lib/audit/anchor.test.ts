import { verify } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, ready } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { anchorAuditAsOperator, verifyAuditAsOperator } from "@/lib/cli/operator";
import { instanceSigningKey, signBytes } from "@/lib/exports/signing";
import { makeActor } from "@/lib/testing/factories";
import { type AuditAnchor, anchorFilePath, anchorPayload } from "./anchor";
import { recordAudit, recordAuditNow } from "./record";
import { verifyAuditChain } from "./verify";
import { writeAuditAnchor } from "./write-anchor";

/*
 * Each test anchors into a data folder of its own: the anchor file of the shared test data folder
 * would be checked by every other file's verification. The log itself is never tampered with here
 * (that lives in verify.test.ts), so these tests hold whichever database they run on.
 */

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-anchors-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

let actor: Actor;
beforeAll(async () => {
  await ready();
  actor = await makeActor("admin");
});

const event = (label: string) =>
  db.transaction((tx) => recordAudit(tx, { actor, action: "test.event", entityType: "test", entityId: label }));
const anchorLines = (dir: string) => fs.readFileSync(anchorFilePath(dir), "utf8").split("\n").filter(Boolean);
const append = (dir: string, line: string) => fs.appendFileSync(anchorFilePath(dir), `${line}\n`);

describe("writeAuditAnchor", () => {
  it("writes only when the head moved since the last anchor", async () => {
    const dir = tempDir();
    await db.transaction(async (tx) => {
      // recordAuditNow's lock on the head is held to commit, so no other test file moves it meanwhile.
      const first = await recordAuditNow(tx, { actor, action: "test.event", entityType: "test", entityId: "anchor-1" });
      expect(await writeAuditAnchor({ db: tx, dataDir: dir })).toMatchObject({
        written: true,
        anchor: { seq: first.seq, hash: first.hash },
      });
      expect(await writeAuditAnchor({ db: tx, dataDir: dir })).toMatchObject({
        written: false,
        reason: "unchanged",
        latest: { seq: first.seq },
      });
      const second = await recordAuditNow(tx, {
        actor,
        action: "test.event",
        entityType: "test",
        entityId: "anchor-2",
      });
      expect(await writeAuditAnchor({ db: tx, dataDir: dir })).toMatchObject({
        written: true,
        anchor: { seq: second.seq, hash: second.hash },
      });
      expect(await writeAuditAnchor({ db: tx, dataDir: dir })).toMatchObject({ written: false, reason: "unchanged" });
    });
    expect(anchorLines(dir)).toHaveLength(2);
  });

  it("appends one signed JSON line per anchor, which the instance's public key verifies over seq, hash and time", async () => {
    const dir = tempDir();
    await event("format");
    const { anchor } = (await writeAuditAnchor({ db, dataDir: dir })) as { anchor: AuditAnchor };
    const key = instanceSigningKey(dir);
    const [line] = anchorLines(dir);
    expect(JSON.parse(line!)).toEqual({
      seq: anchor.seq,
      hash: anchor.hash,
      at: anchor.at,
      keyFingerprint: key.fingerprint,
      signature: anchor.signature,
    });
    const payload = Buffer.from(`casework-audit-anchor:${anchor.seq}:${anchor.hash}:${anchor.at}`);
    expect(verify(null, payload, key.publicKey, Buffer.from(anchor.signature, "base64"))).toBe(true);
    expect(
      verify(
        null,
        anchorPayload({ ...anchor, seq: anchor.seq - 1 }),
        key.publicKey,
        Buffer.from(anchor.signature, "base64"),
      ),
    ).toBe(false);
  });

  it("anchors on the operator's command even when the head has not moved", async () => {
    const dir = tempDir();
    await event("operator");
    await expect(anchorAuditAsOperator({ dataDir: dir })).resolves.toMatchObject({ written: true });
    await expect(anchorAuditAsOperator({ dataDir: dir })).resolves.toMatchObject({ written: true });
    expect(anchorLines(dir)).toHaveLength(2);
  });

  it("is not misled by a forged line at the end of the file", async () => {
    const dir = tempDir();
    await event("forged-last");
    await writeAuditAnchor({ db, dataDir: dir });
    const [line] = anchorLines(dir);
    // A far-future seq with a stolen signature: believed, it would make every later anchor fail.
    append(dir, JSON.stringify({ ...JSON.parse(line!), seq: 999_999_999 }));
    fs.appendFileSync(anchorFilePath(dir), '{"torn":');
    await event("after-forged");
    await expect(writeAuditAnchor({ db, dataDir: dir })).resolves.toMatchObject({ written: true });
    const lines = fs.readFileSync(anchorFilePath(dir), "utf8").split("\n");
    expect(lines.at(-3)).toBe('{"torn":');
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ seq: expect.any(Number) });
  });
});

describe("audit verify with anchors", () => {
  it("passes without an anchor file and says that only the chain was checked", async () => {
    const dir = tempDir();
    const report = await verifyAuditChain({ db, dataDir: dir });
    expect(report).toMatchObject({
      ok: true,
      firstBreak: null,
      anchors: { file: anchorFilePath(dir), lines: 0, latest: null, problems: [] },
    });
    const { ok, lines } = await verifyAuditAsOperator({ dataDir: dir });
    expect(ok).toBe(true);
    expect(lines.join("\n")).toContain(`no anchors in ${anchorFilePath(dir)}: only the chain was checked`);
  });

  it("passes when the newest anchor matches the log", async () => {
    const dir = tempDir();
    await event("matching");
    const written = await writeAuditAnchor({ db, dataDir: dir });
    await event("after-anchor");
    const report = await verifyAuditChain({ db, dataDir: dir });
    expect(report).toMatchObject({
      ok: true,
      anchors: { lines: 1, latest: { seq: written.written ? written.anchor.seq : -1 }, problems: [] },
    });
    expect((await verifyAuditAsOperator({ dataDir: dir })).lines.join("\n")).toMatch(
      /the newest covers event \d+ .* and matches the log/,
    );
  });

  it("names a forged, a foreign and an unreadable anchor line", async () => {
    const dir = tempDir();
    await event("forged");
    await writeAuditAnchor({ db, dataDir: dir });
    const genuine = JSON.parse(anchorLines(dir)[0]!) as AuditAnchor;
    append(dir, JSON.stringify({ ...genuine, hash: "f".repeat(64) }));
    const other = instanceSigningKey(tempDir());
    const foreign = { seq: genuine.seq, hash: genuine.hash, at: genuine.at };
    append(
      dir,
      JSON.stringify({
        ...foreign,
        keyFingerprint: other.fingerprint,
        signature: signBytes(other, anchorPayload(foreign)).toString("base64"),
      }),
    );
    append(dir, "not an anchor");
    const report = await verifyAuditChain({ db, dataDir: dir });
    expect(report.ok).toBe(false);
    expect(report.anchors.latest).toMatchObject({ seq: genuine.seq, hash: genuine.hash });
    expect(report.anchors.problems).toEqual([
      {
        problem: "forged",
        line: 2,
        seq: genuine.seq,
        message: `anchor line 2 (event ${genuine.seq}) has a signature that does not verify: the line was forged or altered`,
      },
      {
        problem: "forged",
        line: 3,
        seq: genuine.seq,
        message: expect.stringMatching(/^anchor line 3 .* is signed by another key/),
      },
      { problem: "unreadable", line: 4, seq: null, message: "anchor line 4 is not a readable anchor" },
    ]);
    const { ok, lines } = await verifyAuditAsOperator({ dataDir: dir });
    expect(ok).toBe(false);
    expect(lines).toContain(
      `ANCHOR PROBLEM: anchor line 2 (event ${genuine.seq}) has a signature that does not verify: the line was forged or altered`,
    );
  });

  it("names an old anchor line replayed at the end, which would hide a truncation", async () => {
    const dir = tempDir();
    await event("replay-1");
    await writeAuditAnchor({ db, dataDir: dir });
    await event("replay-2");
    await writeAuditAnchor({ db, dataDir: dir });
    const [older, newer] = anchorLines(dir) as [string, string];
    append(dir, older);
    const report = await verifyAuditChain({ db, dataDir: dir });
    const newerSeq = (JSON.parse(newer) as AuditAnchor).seq;
    expect(report.ok).toBe(false);
    expect(report.anchors.latest?.seq).toBe(newerSeq);
    expect(report.anchors.problems).toEqual([
      expect.objectContaining({
        problem: "backwards",
        line: 3,
        message: expect.stringContaining(`goes backwards: line 2 already anchored event ${newerSeq}`),
      }),
    ]);
  });

  it("reports anchors it cannot check when the data folder has no signing key", async () => {
    const dir = tempDir();
    append(
      dir,
      JSON.stringify({
        seq: 1,
        hash: "a".repeat(64),
        at: new Date().toISOString(),
        keyFingerprint: "b".repeat(64),
        signature: Buffer.alloc(64).toString("base64"),
      }),
    );
    const report = await verifyAuditChain({ db, dataDir: dir });
    expect(report.ok).toBe(false);
    expect(report.anchors.problems).toEqual([expect.objectContaining({ problem: "no_key" })]);
  });
});
