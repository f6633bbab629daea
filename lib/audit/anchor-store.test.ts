import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, ready } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { parseEnv } from "@/lib/env";
import { SIGNING_KEY_FILE, instanceSigningKey } from "@/lib/exports/signing";
import { type BlobStore, LocalBlobStore, S3BlobStore, s3Client } from "@/lib/storage";
import { makeActor } from "@/lib/testing/factories";
import { type AuditAnchor, anchorFilePath } from "./anchor";
import { anchorObjectName } from "./anchor-objects";
import { checkAuditAnchors } from "./check-anchors";
import { readLatestAnchor } from "./latest-anchor";
import { recordAudit } from "./record";
import { writeAuditAnchor } from "./write-anchor";

/*
 * Two instances: each its own data folder (holding the same signing key, as SIGNING_KEY_FILE
 * gives them), one store between them. What one anchors the other reads and checks.
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

/** Two data folders with one key between them. */
function twoInstances(): [string, string] {
  const a = tempDir();
  const b = tempDir();
  instanceSigningKey(a);
  fs.copyFileSync(path.join(a, SIGNING_KEY_FILE), path.join(b, SIGNING_KEY_FILE));
  return [a, b];
}

const written = (write: Awaited<ReturnType<typeof writeAuditAnchor>>): AuditAnchor => {
  if (!write.written) throw new Error(`no anchor written (${write.reason})`);
  return write.anchor;
};

describe("anchors in a store shared by two instances", () => {
  it("each instance reads, builds on and checks the other's anchors, and keeps nothing in its data folder", async () => {
    const [a, b] = twoInstances();
    const store = new LocalBlobStore({ root: tempDir() });
    await event("shared-1");
    const first = written(await writeAuditAnchor({ db, dataDir: a, store }));
    expect(await readLatestAnchor({ key: instanceSigningKey(b), dataDir: b, store })).toEqual(first);
    // The head has not moved since a's anchor: b has nothing to add.
    await expect(writeAuditAnchor({ db, dataDir: b, store })).resolves.toMatchObject({
      written: false,
      reason: "unchanged",
    });
    await event("shared-2");
    const second = written(await writeAuditAnchor({ db, dataDir: b, store }));
    expect(await readLatestAnchor({ key: instanceSigningKey(a), dataDir: a, store })).toEqual(second);
    const check = await checkAuditAnchors({ db, dataDir: a, store });
    expect(check).toMatchObject({ lines: 2, latest: { seq: second.seq, hash: second.hash }, problems: [] });
    expect(check.file).toBe(`${path.join(store.root, "anchors")}/`);
    expect(await store.files("anchors").list()).toEqual(
      [anchorObjectName(first), anchorObjectName(second), "latest.json"].sort(),
    );
    expect(fs.existsSync(anchorFilePath(a)) || fs.existsSync(anchorFilePath(b))).toBe(false);
  });

  it("still reads and checks the lines of the data folder's anchor file, before the store's anchors", async () => {
    const [a] = twoInstances();
    await event("legacy");
    const old = written(await writeAuditAnchor({ db, dataDir: a }));
    expect(fs.readFileSync(anchorFilePath(a), "utf8").trim()).toBe(JSON.stringify(old));
    const store = new LocalBlobStore({ root: tempDir() });
    expect(await readLatestAnchor({ key: instanceSigningKey(a), dataDir: a, store })).toEqual(old);
    await expect(writeAuditAnchor({ db, dataDir: a, store })).resolves.toMatchObject({ reason: "unchanged" });
    await event("after-legacy");
    const next = written(await writeAuditAnchor({ db, dataDir: a, store }));
    // A replayed old anchor in the store goes backwards behind the newest: it is named.
    await store
      .files("anchors")
      .write(
        anchorObjectName({ seq: next.seq, at: new Date(Date.parse(next.at) + 1000).toISOString() }),
        Buffer.from(JSON.stringify(old)),
      );
    const check = await checkAuditAnchors({ db, dataDir: a, store });
    expect(check).toMatchObject({ lines: 3, latest: { seq: next.seq } });
    expect(check.problems).toEqual([
      expect.objectContaining({
        problem: "backwards",
        line: 3,
        message: expect.stringContaining(`already anchored event ${next.seq}`),
      }),
    ]);
    expect(check.problems[0]!.message).toMatch(/^anchor \d{15}-\d{15}\.json /);
  });
});

const config = parseEnv(process.env);
describe.skipIf(!config.S3_ENDPOINT || !config.S3_BUCKET)("anchors in one S3 bucket shared by two instances", () => {
  it("an anchor one instance writes is the newest the other reads", async () => {
    const [a, b] = twoInstances();
    const store: BlobStore = new S3BlobStore(s3Client(config), config.S3_BUCKET!, tempDir());
    const files = store.files("anchors");
    const mine: AuditAnchor[] = [];
    try {
      await event("s3-1");
      mine.push(written(await writeAuditAnchor({ db, dataDir: a, store, always: true })));
      expect(await readLatestAnchor({ key: instanceSigningKey(b), dataDir: b, store })).toEqual(mine[0]);
      await event("s3-2");
      mine.push(written(await writeAuditAnchor({ db, dataDir: b, store })));
      expect(await readLatestAnchor({ key: instanceSigningKey(a), dataDir: a, store })).toEqual(mine[1]);
      expect(await files.list()).toEqual(expect.arrayContaining(mine.map(anchorObjectName)));
    } finally {
      for (const anchor of mine) await files.remove(anchorObjectName(anchor));
    }
  });
});
