import { multipart, sha256sum, storedFiles, uploadRequest } from "@/lib/testing/evidence";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { recordCustody } from "@/lib/evidence/custody";
import { makeCase } from "@/lib/testing/cases";
import { type Json, who, type Who } from "@/lib/testing/routes";
import * as activity from "../cases/[id]/activity/route";
import * as caseEvidence from "../cases/[id]/evidence/route";
import * as custody from "./[id]/custody/route";
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
  const answer = (await response.json()) as Json & { id: string; sha256: string };
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
