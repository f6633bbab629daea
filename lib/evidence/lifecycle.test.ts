import { multipart, storedPath, uploadRequest } from "@/lib/testing/evidence";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, custodyEvents, evidence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { openEvidenceContent } from "./open-evidence-content";
import { custodyToCsv } from "./custody";
import { listCustody } from "./list-custody";
import { placeHold } from "./place-hold";
import { releaseHold } from "./release-hold";
import { getEvidence } from "./get-evidence";
import { listEvidence } from "./list-evidence";
import { deleteEvidence } from "./delete-evidence";
import { uploadEvidence } from "./upload-evidence";
import { verifyEvidence } from "./verify-evidence";

let lead: Actor;
let legal: Actor;
let manager: Actor;
let outsider: Actor;
let admin: Actor;

beforeAll(async () => {
  [lead, legal, manager, outsider, admin] = await Promise.all([
    makeActor("investigator", "Lead"),
    makeActor("legal", "Counsel"),
    makeActor("manager"),
    makeActor("investigator", "Outsider"),
    makeActor("admin"),
  ]);
});

async function caseWithItem(bytes = randomBytes(300_000), name = "item.bin") {
  const c = await makeCase(lead);
  await addMember({ actor: lead, caseId: c.id, input: { userId: legal.id, role: "legal" } });
  const item = await uploadEvidence({
    actor: lead,
    caseId: c.id,
    request: uploadRequest(c.id, multipart([{ name: "file", filename: name, data: bytes }])),
  });
  return { caseId: c.id, item, bytes };
}

const read = (actor: Actor, evidenceId: string, init: { inline?: boolean; range?: string; ip?: string } = {}) => {
  const headers: Record<string, string> = {};
  if (init.range) headers.range = init.range;
  if (init.ip) headers["x-forwarded-for"] = `${init.ip}, 10.0.0.1`;
  return openEvidenceContent({
    actor,
    evidenceId,
    inline: init.inline ?? false,
    request: new Request(`http://localhost/api/evidence/${evidenceId}/content`, { headers }),
  });
};

const custodyActions = async (id: string) =>
  (await db.select().from(custodyEvents).where(eq(custodyEvents.evidenceId, id)).orderBy(custodyEvents.id)).map(
    (e) => e.action,
  );

/** Reads a body to its end, or to the point where the server cut it off. */
async function drain(response: Response): Promise<{ bytes: Buffer; error: unknown }> {
  const parts: Uint8Array[] = [];
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { bytes: Buffer.concat(parts), error: null };
      parts.push(value);
    }
  } catch (error) {
    return { bytes: Buffer.concat(parts), error };
  }
}

function tamper(sha256: string) {
  const file = storedPath(sha256);
  fs.chmodSync(file, 0o640);
  const fd = fs.openSync(file, "r+");
  fs.writeSync(fd, Buffer.from("X"), 0, 1, 1234);
  fs.closeSync(fd);
}

describe("reading evidence", () => {
  it("adds a custody event (with actor and IP) and an audit event for every read, whole or ranged", async () => {
    const { item, bytes } = await caseWithItem();
    const whole = await drain(await read(lead, item.id, { ip: "203.0.113.7" }));
    expect(whole.error).toBeNull();
    expect(whole.bytes.equals(bytes)).toBe(true);
    const view = await read(legal, item.id, { inline: true });
    expect(view.headers.get("content-disposition")).toMatch(/^attachment/); // application/octet-stream is never inline
    await view.body?.cancel();
    const part = await read(lead, item.id, { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect((await drain(part)).bytes.equals(bytes.subarray(100, 200))).toBe(true);
    expect(await custodyActions(item.id)).toEqual(["uploaded", "downloaded", "downloaded", "downloaded"]);
    const log = await listCustody({ actor: lead, evidenceId: item.id });
    expect(log.items[1]).toMatchObject({
      actor: expect.stringContaining(lead.email),
      ip: "203.0.113.7",
      detail: { range: null },
    });
    expect(log.items[2]).toMatchObject({ actor: expect.stringContaining(legal.email), ip: null });
    expect(log.items[3]?.detail).toEqual({ range: "bytes 100-199" });
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, item.id), eq(auditEvents.action, "evidence.download")));
    expect(audits).toHaveLength(3);
  });

  it("does not count a refused read", async () => {
    const { item } = await caseWithItem();
    await expect(read(manager, item.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(read(outsider, item.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await custodyActions(item.id)).toEqual(["uploaded"]);
  });

  it("shows managers the metadata but never the bytes, and hides everything from non-members", async () => {
    const { item, caseId } = await caseWithItem();
    await expect(getEvidence({ actor: manager, evidenceId: item.id })).resolves.toMatchObject({
      id: item.id,
      permissions: { readContent: false },
    });
    await expect(listEvidence({ actor: manager, caseId })).resolves.toMatchObject({ items: [{ id: item.id }] });
    await expect(getEvidence({ actor: outsider, evidenceId: item.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(listEvidence({ actor: outsider, caseId })).rejects.toMatchObject({ code: "not_found" });
    await expect(listCustody({ actor: outsider, evidenceId: item.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("writes the custody log as CSV, oldest first, with formulas defused", async () => {
    const { item } = await caseWithItem(randomBytes(10), "=HYPERLINK(evil).bin");
    const csv = custodyToCsv((await listCustody({ actor: lead, evidenceId: item.id })).items);
    const [header, first] = csv.split("\r\n");
    expect(header).toBe("\uFEFFtime,action,actor,ip,detail");
    expect(first).toContain(",uploaded,");
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe("verifying evidence", () => {
  it("proves intact bytes and logs it", async () => {
    const { item } = await caseWithItem();
    const result = await verifyEvidence({ actor: manager, evidenceId: item.id });
    expect(result).toMatchObject({ ok: true, expected: item.sha256, actual: item.sha256, problem: null });
    expect(await custodyActions(item.id)).toEqual(["uploaded", "verified"]);
  });

  it("detects a tampered file on verify and cuts its download off before the end", async () => {
    const { item, bytes } = await caseWithItem(randomBytes(3 * 1024 * 1024));
    tamper(item.sha256);
    const result = await verifyEvidence({ actor: lead, evidenceId: item.id });
    expect(result).toMatchObject({ ok: false, problem: "mismatch", expected: item.sha256 });
    expect(result.actual).not.toBe(item.sha256);

    const response = await read(lead, item.id);
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    const { bytes: got, error } = await drain(response);
    expect(error).toBeTruthy();
    expect(got.length).toBeLessThan(bytes.length);
    await expect
      .poll(() => custodyActions(item.id), { timeout: 5_000 })
      .toEqual(["uploaded", "verification_failed", "downloaded", "verification_failed"]);
  });

  it("reports bytes that have gone missing", async () => {
    const { item } = await caseWithItem();
    fs.rmSync(storedPath(item.sha256));
    await expect(verifyEvidence({ actor: lead, evidenceId: item.id })).resolves.toMatchObject({
      ok: false,
      problem: "missing",
      actual: null,
    });
  });
});

describe("legal hold and deletion", () => {
  const reason = { reason: "Preservation notice from counsel" };

  it("lets legal members and admins hold, blocks deletion while held, and deletes softly afterwards", async () => {
    const { item, caseId } = await caseWithItem();
    await expect(placeHold({ actor: lead, evidenceId: item.id, input: reason })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(placeHold({ actor: legal, evidenceId: item.id, input: { reason: " " } })).rejects.toMatchObject({
      code: "bad_request",
    });
    const held = await placeHold({ actor: legal, evidenceId: item.id, input: reason });
    expect(held).toMatchObject({ legalHold: true, holdReason: reason.reason, permissions: { delete: false } });
    await expect(placeHold({ actor: admin, evidenceId: item.id, input: reason })).rejects.toMatchObject({
      code: "conflict",
    });

    await expect(
      deleteEvidence({ actor: lead, evidenceId: item.id, input: { reason: "duplicate" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(fs.existsSync(storedPath(item.sha256))).toBe(true);

    await releaseHold({ actor: admin, evidenceId: item.id, input: { reason: "Matter closed" } });
    await expect(
      deleteEvidence({ actor: legal, evidenceId: item.id, input: { reason: "duplicate" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      deleteEvidence({ actor: lead, evidenceId: item.id, input: { reason: "Uploaded to the wrong case" } }),
    ).resolves.toEqual({ bytesRemoved: true });

    const [row] = await db.select().from(evidence).where(eq(evidence.id, item.id));
    expect(row).toMatchObject({ deleteReason: "Uploaded to the wrong case", deletedById: lead.id });
    expect(fs.existsSync(storedPath(item.sha256))).toBe(false);
    expect((await listEvidence({ actor: lead, caseId })).items).toEqual([]);
    await expect(read(lead, item.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await custodyActions(item.id)).toEqual(["uploaded", "hold_placed", "hold_released", "deleted"]);
  });

  it("keeps the bytes while another case still has the same file", async () => {
    const bytes = randomBytes(20_000);
    const first = await caseWithItem(bytes);
    const second = await caseWithItem(bytes);
    expect(second.item.sha256).toBe(first.item.sha256);
    await expect(deleteEvidence({ actor: lead, evidenceId: first.item.id, input: { reason: "dup" } })).resolves.toEqual(
      { bytesRemoved: false },
    );
    expect(fs.existsSync(storedPath(first.item.sha256))).toBe(true);
    expect((await drain(await read(lead, second.item.id))).bytes.equals(bytes)).toBe(true);
    await expect(
      deleteEvidence({ actor: admin, evidenceId: second.item.id, input: { reason: "dup" } }),
    ).resolves.toEqual({ bytesRemoved: true });
    expect(fs.existsSync(storedPath(first.item.sha256))).toBe(false);
  });

  it("stores the same bytes again after they were removed", async () => {
    const bytes = randomBytes(5_000);
    const first = await caseWithItem(bytes);
    await deleteEvidence({ actor: lead, evidenceId: first.item.id, input: { reason: "dup" } });
    const again = await caseWithItem(bytes);
    expect(again.item.sha256).toBe(first.item.sha256);
    await expect(verifyEvidence({ actor: lead, evidenceId: again.item.id })).resolves.toMatchObject({ ok: true });
  });
});
