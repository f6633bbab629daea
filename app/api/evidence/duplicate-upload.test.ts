import { multipart, sha256sum, storedFiles, uploadRequest } from "@/lib/testing/evidence";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { auditEvents, evidence } from "@/db/schema";
import { addMember } from "@/lib/cases/add-member";
import { recordCustody } from "@/lib/evidence/custody";
import { makeCase } from "@/lib/testing/cases";
import { fieldErrors, type Json, who, type Who } from "@/lib/testing/routes";
import * as activity from "../cases/[id]/activity/route";
import * as caseEvidence from "../cases/[id]/evidence/route";
import * as custody from "./[id]/custody/route";
import * as keep from "./[id]/keep/route";
import * as item from "./[id]/route";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let first: Who;
let second: Who;

beforeAll(async () => {
  [first, second] = await Promise.all([
    who("investigator", "First Investigator"),
    who("investigator", "Second Investigator"),
  ]);
});

async function get(route: typeof custody, path: string, caller: Who, params: Record<string, string>): Promise<Json> {
  const response = await route.GET(
    new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${caller.token}` } }),
    { params: Promise.resolve(params) },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

/** Uploads through the API and returns everything the uploader can read about the upload afterwards. */
async function uploadAndLook(caller: Who, caseId: string, data: Buffer) {
  const body = multipart([
    { name: "title", value: "Offer letter" },
    { name: "source", value: "Recruiter mailbox" },
    { name: "file", filename: "offer.bin", data },
  ]);
  const response = await caseEvidence.POST(
    uploadRequest(caseId, body, { token: caller.token, headers: { "x-forwarded-for": "203.0.113.7" } }),
    { params: Promise.resolve({ id: caseId }) },
  );
  const status = response.status;
  const answer = (await response.json()) as Json & { id: string; sha256: string; createdAt: string };
  const log = await get(custody, `/api/evidence/${answer.id}/custody`, caller, { id: answer.id });
  // The case's own timeline, less the events of opening the case.
  const timeline = (
    (await get(activity, `/api/cases/${caseId}/activity`, caller, { id: caseId })).items as { entityType: string }[]
  ).filter((e) => e.entityType === "evidence");
  return { status, answer, log, timeline };
}

/** Ids, times, positions in the audit chain and the file's own hash differ between any two uploads; nothing else may. */
function comparable(value: unknown, own: { sha256: string; ids: string[] }): unknown {
  if (Array.isArray(value)) return value.map((v) => comparable(v, own));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        ["id", "at", "createdAt", "caseId", "entityId", "seq"].includes(k) ? typeof v : comparable(v, own),
      ]),
    );
  }
  if (value === own.sha256) return "<sha256>";
  if (typeof value === "string" && own.ids.includes(value)) return "<id>";
  return value;
}

describe("uploading bytes that already exist in a case the uploader cannot see", () => {
  it("answers, logs and audits exactly as an upload of bytes new to the store", async () => {
    const size = 40_000;
    const shared = randomBytes(size);
    const secret = await makeCase(first.actor);
    const original = await uploadAndLook(first, secret.id, shared);
    expect(original.status).toBe(201);

    // The second investigator is not on the first case and cannot see it.
    const [dupCase, freshCase] = [await makeCase(second.actor), await makeCase(second.actor)];
    const fresh = randomBytes(size);
    const duplicate = await uploadAndLook(second, dupCase.id, shared);
    const control = await uploadAndLook(second, freshCase.id, fresh);

    // The bytes are still stored once.
    expect(duplicate.answer.sha256).toBe(sha256sum(shared));
    expect(storedFiles().filter((f) => f.endsWith(duplicate.answer.sha256))).toHaveLength(1);
    expect(control.answer.sha256).toBe(sha256sum(fresh));

    const seen = (r: typeof duplicate, caseId: string) =>
      comparable(
        { status: r.status, answer: r.answer, log: r.log, timeline: r.timeline },
        { sha256: r.answer.sha256, ids: [r.answer.id, caseId] },
      );
    expect(seen(duplicate, dupCase.id)).toEqual(seen(control, freshCase.id));
    const uploaded = (duplicate.log.items as { action: string; detail: Record<string, unknown> }[]).find(
      (e) => e.action === "uploaded",
    );
    expect(uploaded?.detail).toEqual({
      sha256: duplicate.answer.sha256,
      size,
      mimeType: "application/octet-stream",
      claimedMimeType: "application/octet-stream",
      originalName: "offer.bin",
    });
  });

  it("keeps hiding whether the bytes were new in uploads logged before that was dropped", async () => {
    const c = await makeCase(second.actor);
    const { answer } = await uploadAndLook(second, c.id, randomBytes(1000));
    // The custody log is append-only: such rows stay in the table and must be filtered on the way out.
    await db.transaction((tx) =>
      recordCustody(tx, {
        evidenceId: answer.id,
        action: "uploaded",
        actor: second.actor,
        detail: { sha256: answer.sha256, storedNew: false },
      }),
    );
    const log = await get(custody, `/api/evidence/${answer.id}/custody`, second, { id: answer.id });
    const details = (log.items as { detail: Record<string, unknown> }[]).map((e) => e.detail);
    expect(details.at(-1)).toEqual({ sha256: answer.sha256 });
    expect(details.filter((d) => "storedNew" in d)).toEqual([]);
  });
});

describe("deleting an item whose bytes are also stored for a case the deleter cannot see", () => {
  it("answers exactly as deleting bytes nobody else holds", async () => {
    const shared = randomBytes(20_000);
    const secret = await makeCase(first.actor);
    await uploadAndLook(first, secret.id, shared);
    const own = await makeCase(second.actor);
    const duplicate = await uploadAndLook(second, own.id, shared);
    const unique = await uploadAndLook(second, own.id, randomBytes(20_000));
    const remove = async (id: string) => {
      const request = new Request(`http://localhost/api/evidence/${id}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${second.token}`, "content-type": "application/json" },
        body: JSON.stringify({ reason: "Uploaded to the wrong case" }),
      });
      const response = await item.DELETE(request, { params: Promise.resolve({ id }) });
      return { status: response.status, body: await response.json() };
    };
    const [a, b] = [await remove(duplicate.answer.id), await remove(unique.answer.id)];
    expect(a).toEqual(b);
    expect(a).toEqual({ status: 200, body: { deleted: true } });
  });
});

describe("uploading bytes already in the same case", () => {
  const remove = async (caller: Who, id: string, reason: string) => {
    const request = new Request(`http://localhost/api/evidence/${id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${caller.token}`, "content-type": "application/json" },
      body: JSON.stringify({ reason }),
    });
    const response = await item.DELETE(request, { params: Promise.resolve({ id }) });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const keepIt = async (caller: Who, id: string, body: unknown) => {
    const request = new Request(`http://localhost/api/evidence/${id}/keep`, {
      method: "POST",
      headers: { authorization: `Bearer ${caller.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const response = await keep.POST(request, { params: Promise.resolve({ id }) });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const auditOf = (evidenceId: string, action: string) =>
    db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, evidenceId), eq(auditEvents.action, action)));

  it("names the earlier exhibit, who uploaded it and when; never one of another case or a deleted one", async () => {
    const bytes = randomBytes(5000);
    const c = await makeCase(first.actor);
    const original = await uploadAndLook(first, c.id, bytes);
    expect(original.answer.duplicateOf).toBeNull();
    const again = await uploadAndLook(first, c.id, bytes);
    expect(again.status).toBe(201);
    expect(again.answer).toMatchObject({ exhibitNo: "E-002" });
    expect(again.answer.duplicateOf).toEqual({
      id: original.answer.id,
      exhibitNo: "E-001",
      title: "Offer letter",
      uploadedBy: expect.stringContaining("First Investigator"),
      uploadedAt: original.answer.createdAt,
    });
    // The case's timeline says so too.
    const events = again.timeline as unknown as { action: string; detail: Record<string, unknown> }[];
    expect(events.find((e) => e.action === "evidence.upload" && e.detail.exhibitNo === "E-002")?.detail).toMatchObject({
      duplicateOf: "E-001",
    });

    // The same uploader's other case, which they can see, is still another case.
    const other = await makeCase(first.actor);
    expect((await uploadAndLook(first, other.id, bytes)).answer.duplicateOf).toBeNull();

    // Once both earlier copies are gone, a third upload is new again.
    await remove(first, original.answer.id, "wrong file");
    await remove(first, again.answer.id, "wrong file");
    expect((await uploadAndLook(first, c.id, bytes)).answer.duplicateOf).toBeNull();
  });

  it("keeps the new exhibit with a reason, once, recorded in custody and the audit trail", async () => {
    const bytes = randomBytes(3000);
    const c = await makeCase(first.actor);
    const single = await uploadAndLook(first, c.id, bytes);
    // Nothing to explain while no other exhibit holds the bytes.
    expect((await keepIt(first, single.answer.id, { reason: "Second copy" })).status).toBe(409);
    const dup = await uploadAndLook(first, c.id, bytes);
    // No reason, no record; the outsider cannot even see the item.
    const noReason = await keepIt(first, dup.answer.id, { reason: "" });
    expect(noReason.status).toBe(400);
    expect(fieldErrors(noReason.body)[0]?.path).toBe("reason");
    expect((await keepIt(second, dup.answer.id, { reason: "Mine" })).status).toBe(404);
    expect(await auditOf(dup.answer.id, "evidence.keep_duplicate")).toEqual([]);

    const kept = await keepIt(first, dup.answer.id, { reason: "Received again from HR with a new cover email" });
    expect(kept).toMatchObject({ status: 200, body: { id: dup.answer.id, exhibitNo: "E-002" } });
    const log = await get(custody, `/api/evidence/${dup.answer.id}/custody`, first, { id: dup.answer.id });
    expect((log.items as { action: string; detail: unknown }[]).at(-1)).toMatchObject({
      action: "duplicate_kept",
      detail: { duplicateOf: "E-001", reason: "Received again from HR with a new cover email" },
    });
    expect(await auditOf(dup.answer.id, "evidence.keep_duplicate")).toEqual([
      {
        detail: {
          exhibitNo: "E-002",
          duplicateOf: "E-001",
          reason: "Received again from HR with a new cover email",
        },
      },
    ]);
    expect((await keepIt(first, dup.answer.id, { reason: "Again" })).status).toBe(409);
  });

  it("drops the new exhibit through the delete path: its number stays taken and explained", async () => {
    const bytes = randomBytes(2000);
    const c = await makeCase(first.actor);
    await uploadAndLook(first, c.id, bytes);
    const dup = await uploadAndLook(first, c.id, bytes);
    expect(await remove(first, dup.answer.id, "duplicate of E-001")).toEqual({ status: 200, body: { deleted: true } });
    const [row] = await db.select().from(evidence).where(eq(evidence.id, dup.answer.id));
    expect(row).toMatchObject({ exhibitNo: 2, deleteReason: "duplicate of E-001" });
    expect(row?.deletedAt).not.toBeNull();
    const next = await uploadAndLook(first, c.id, randomBytes(10));
    expect(next.answer).toMatchObject({ exhibitNo: "E-003", duplicateOf: null });
    // The list names the removed number, who removed it and why.
    const list = await get(caseEvidence as unknown as typeof custody, `/api/cases/${c.id}/evidence`, first, {
      id: c.id,
    });
    expect(list.removed).toEqual([
      {
        exhibitNo: "E-002",
        title: "Offer letter",
        deletedAt: expect.any(String),
        deletedBy: expect.stringContaining("First Investigator"),
        reason: "duplicate of E-001",
      },
    ]);
    // The original stays, with its bytes.
    expect(storedFiles().filter((f) => f.endsWith(dup.answer.sha256))).toHaveLength(1);
  });

  it("lets a member who may not delete evidence drop their own duplicate upload, and nothing else", async () => {
    const bytes = randomBytes(2500);
    const c = await makeCase(first.actor);
    await addMember({ actor: first.actor, caseId: c.id, input: { userId: second.actor.id, role: "investigator" } });
    const original = await uploadAndLook(second, c.id, bytes);
    const unique = await uploadAndLook(second, c.id, randomBytes(100));
    const byLead = await uploadAndLook(first, c.id, bytes);
    const dup = await uploadAndLook(second, c.id, bytes);
    expect(dup.answer.duplicateOf).toMatchObject({ exhibitNo: original.answer.exhibitNo });
    // Not their upload, or not a duplicate: deleting stays with the lead.
    expect((await remove(second, byLead.answer.id, "duplicate")).status).toBe(403);
    expect((await remove(second, unique.answer.id, "not wanted")).status).toBe(403);
    expect(await remove(second, dup.answer.id, "Identical to E-001; dropped at upload")).toEqual({
      status: 200,
      body: { deleted: true },
    });
    // Their first copy is a duplicate too while the lead's copy is live.
    expect((await remove(second, original.answer.id, "duplicate of the lead's copy")).status).toBe(200);
    expect((await remove(first, byLead.answer.id, "last copy")).status).toBe(200);
  });
});
