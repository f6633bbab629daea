import { multipart, type Part, storedFiles, storedPath, tempFiles, uploadRequest } from "@/lib/testing/evidence";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { evidence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens";
import * as caseEvidence from "../cases/[id]/evidence/route";
import * as content from "./[id]/content/route";
import * as custody from "./[id]/custody/route";
import * as hold from "./[id]/hold/route";
import * as item from "./[id]/route";
import * as verify from "./[id]/verify/route";

// A small upload limit for this file only, set before lib/env.ts reads the environment.
vi.hoisted(() => {
  process.env.MAX_UPLOAD_BYTES = String(512 * 1024);
});
// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Who {
  actor: Actor;
  token: string;
}

async function as(role: Actor["role"]): Promise<Who> {
  const actor = await makeActor(role);
  return { actor, token: (await createToken({ actor, input: { name: "evidence api test" } })).token };
}

let lead: Who;
let legal: Who;
let manager: Who;
let outsider: Who;

beforeAll(async () => {
  [lead, legal, manager, outsider] = await Promise.all([
    as("investigator"),
    as("legal"),
    as("manager"),
    as("investigator"),
  ]);
});

function call(
  route: Route,
  id: string,
  who: Who | null,
  init: { method?: string; headers?: Record<string, string>; json?: unknown; query?: string } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (who) headers.authorization = `Bearer ${who.token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost/api/evidence/${id}${init.query ?? ""}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return route(request, { params: Promise.resolve({ id }) });
}

async function post(caseId: string, who: Who | null, parts: Part[] | Buffer, type?: string) {
  const body = Buffer.isBuffer(parts) ? parts : multipart(parts);
  return caseEvidence.POST(uploadRequest(caseId, body, { token: who?.token, type }), {
    params: Promise.resolve({ id: caseId }),
  });
}

async function newCase() {
  const c = await makeCase(lead.actor);
  await addMember({ actor: lead.actor, caseId: c.id, input: { userId: legal.actor.id, role: "legal" } });
  return c.id;
}

async function upload(caseId: string, data: Buffer, filename = "file.bin", type?: string) {
  const response = await post(caseId, lead, [
    { name: "title", value: `Item ${filename}` },
    { name: "file", filename, filenameStar: /[^\x20-\x7e]|"/.test(filename), type, data },
  ]);
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; exhibitNo: string; sha256: string; size: number; mimeType: string };
}

async function drain(response: Response) {
  const parts: Uint8Array[] = [];
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { bytes: Buffer.concat(parts), failed: false };
      parts.push(value);
    }
  } catch {
    return { bytes: Buffer.concat(parts), failed: true };
  }
}

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63fcffff3f0005fe02fea7d6a6f90000000049454e44ae426082",
  "hex",
);

describe("POST /api/cases/{id}/evidence", () => {
  it("answers 201 with the exhibit number, hash, size and detected type", async () => {
    const caseId = await newCase();
    const bytes = randomBytes(100_000);
    const created = await upload(caseId, bytes);
    expect(created).toMatchObject({
      exhibitNo: "E-001",
      size: bytes.length,
      mimeType: "application/octet-stream",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const list = await caseEvidence.GET(
      new Request(`http://localhost/api/cases/${caseId}/evidence`, {
        headers: { authorization: `Bearer ${lead.token}` },
      }),
      { params: Promise.resolve({ id: caseId }) },
    );
    expect(await list.json()).toMatchObject({
      items: [{ id: created.id, exhibitNo: "E-001" }],
      permissions: { upload: true },
      maxUploadBytes: 512 * 1024,
    });
  });

  it("answers 413 over MAX_UPLOAD_BYTES in the error shape, leaving no row and no file", async () => {
    const caseId = await newCase();
    const response = await post(caseId, lead, [{ name: "file", filename: "big.bin", data: randomBytes(600 * 1024) }]);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: { code: "payload_too_large", message: expect.stringContaining("limit") },
    });
    expect(await db.select().from(evidence).where(eq(evidence.caseId, caseId))).toEqual([]);
    expect(tempFiles()).toEqual([]);
  });

  it.each([
    ["JSON instead of multipart", 415, Buffer.from("{}"), "application/json"],
    ["an empty file", 400, multipart([{ name: "file", filename: "e.txt", data: Buffer.alloc(0) }]), undefined],
    ["no file", 400, multipart([{ name: "title", value: "x" }]), undefined],
    [
      "two files",
      400,
      multipart([
        { name: "file", filename: "a", data: randomBytes(9) },
        { name: "file", filename: "b", data: randomBytes(9) },
      ]),
      undefined,
    ],
  ])("refuses %s with %i and writes nothing", async (_what, status, body, type) => {
    const caseId = await newCase();
    const before = storedFiles().length;
    const response = await post(caseId, lead, body, type);
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toEqual(expect.any(String));
    expect(await db.select().from(evidence).where(eq(evidence.caseId, caseId))).toEqual([]);
    expect(storedFiles()).toHaveLength(before);
  });

  it("answers 401 without credentials and 404 to a non-member", async () => {
    const caseId = await newCase();
    const parts = [{ name: "file", filename: "a", data: randomBytes(9) }];
    expect((await post(caseId, null, parts)).status).toBe(401);
    expect((await post(caseId, outsider, parts)).status).toBe(404);
  });
});

describe("GET /api/evidence/{id}/content", () => {
  it("downloads with headers that stop the browser running anything, and logs the read", async () => {
    const caseId = await newCase();
    const bytes = randomBytes(70_000);
    const { id } = await upload(caseId, bytes, 'we"ird\u202Ename.bin');
    const response = await call(content.GET, id, lead, { headers: { "x-forwarded-for": "198.51.100.4" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'.*sandbox/);
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="we_irdname.bin"; filename*=UTF-8''we%22irdname.bin`,
    );
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect((await drain(response)).bytes.equals(bytes)).toBe(true);
    const log = await (await call(custody.GET, id, lead)).json();
    expect(log.items.at(-1)).toMatchObject({ action: "downloaded", ip: "198.51.100.4" });
  });

  it("previews an image inline, and serves HTML and SVG only as text", async () => {
    const caseId = await newCase();
    const png = await upload(caseId, PNG, "shot.png", "image/png");
    const shown = await call(content.GET, png.id, lead, { query: "?inline=1" });
    expect(shown.headers.get("content-type")).toBe("image/png");
    expect(shown.headers.get("content-disposition")).toMatch(/^inline; filename="shot.png"/);
    await shown.body?.cancel();
    for (const [name, body] of [
      ["page.html", "<!doctype html><script>alert(document.cookie)</script>"],
      ["logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ] as const) {
      const markup = await upload(
        caseId,
        Buffer.from(body),
        name,
        name.endsWith("html") ? "text/html" : "image/svg+xml",
      );
      for (const query of ["?inline=1", ""]) {
        const response = await call(content.GET, markup.id, lead, { query });
        expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(response.headers.get("content-security-policy")).toContain("sandbox");
        expect(await response.text()).toBe(body);
      }
    }
  });

  it("serves ranges with 206 and refuses ranges outside the file with 416", async () => {
    const caseId = await newCase();
    const bytes = randomBytes(50_000);
    const { id } = await upload(caseId, bytes);
    const part = await call(content.GET, id, lead, { headers: { range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
    const bad = await call(content.GET, id, lead, { headers: { range: "bytes=60000-" } });
    expect(bad.status).toBe(416);
    expect(bad.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
  });

  it("answers 404 on content to a manager (who still sees the metadata) and to a non-member", async () => {
    const caseId = await newCase();
    const { id } = await upload(caseId, randomBytes(1000));
    expect((await call(item.GET, id, manager)).status).toBe(200);
    expect((await call(content.GET, id, manager)).status).toBe(404);
    expect((await call(content.GET, id, outsider)).status).toBe(404);
    expect((await call(item.GET, id, outsider)).status).toBe(404);
    expect((await call(custody.GET, id, outsider)).status).toBe(404);
  });

  it("cuts off the download of a tampered file and says so on verify", async () => {
    const caseId = await newCase();
    const bytes = randomBytes(400_000);
    const { id, sha256 } = await upload(caseId, bytes);
    fs.chmodSync(storedPath(sha256), 0o640);
    const fd = fs.openSync(storedPath(sha256), "r+");
    fs.writeSync(fd, Buffer.from("tampered"), 0, 8, 200_000);
    fs.closeSync(fd);
    const { bytes: got, failed } = await drain(await call(content.GET, id, lead));
    expect(failed).toBe(true);
    expect(got.length).toBeLessThan(bytes.length);
    const result = await call(verify.POST, id, lead, { method: "POST" });
    expect(await result.json()).toMatchObject({ ok: false, problem: "mismatch", expected: sha256 });
  });
});

describe("custody, verify, hold and delete", () => {
  it("grows the custody log with every read and exports it as CSV", async () => {
    const caseId = await newCase();
    const { id } = await upload(caseId, randomBytes(2000));
    for (let i = 0; i < 3; i++) await drain(await call(content.GET, id, legal, { query: i === 0 ? "?inline=1" : "" }));
    expect((await (await call(verify.POST, id, lead, { method: "POST" })).json()).ok).toBe(true);
    const json = await (await call(custody.GET, id, lead)).json();
    expect(json.items.map((e: { action: string }) => e.action)).toEqual([
      "uploaded",
      "downloaded",
      "downloaded",
      "downloaded",
      "verified",
    ]);
    for (const init of [{ headers: { accept: "text/csv" } }, { query: "?format=csv" }]) {
      const csv = await call(custody.GET, id, manager, init);
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="custody-E-001.csv"/);
      const lines = (await csv.text()).trim().split("\r\n");
      expect(lines).toHaveLength(6);
      expect(lines[5]).toContain(",verified,");
    }
  });

  it("blocks deletion while on hold; legal places and releases it", async () => {
    const caseId = await newCase();
    const { id, sha256 } = await upload(caseId, randomBytes(3000));
    const reason = { reason: "Litigation hold" };
    expect((await call(hold.POST, id, lead, { method: "POST", json: reason })).status).toBe(403);
    expect((await call(hold.POST, id, legal, { method: "POST", json: {} })).status).toBe(400);
    const held = await call(hold.POST, id, legal, { method: "POST", json: reason });
    expect(await held.json()).toMatchObject({ legalHold: true, holdReason: "Litigation hold" });
    const refused = await call(item.DELETE, id, lead, { method: "DELETE", json: { reason: "mistake" } });
    expect(refused.status).toBe(409);
    expect(fs.existsSync(storedPath(sha256))).toBe(true);
    expect(
      (await call(hold.DELETE, id, legal, { method: "DELETE", json: { reason: "Released by counsel" } })).status,
    ).toBe(200);
    const deleted = await call(item.DELETE, id, lead, { method: "DELETE", json: { reason: "mistake" } });
    expect(deleted.status).toBe(200);
    expect((await call(item.GET, id, lead)).status).toBe(404);
  });
});
