import { evidenceDataDir } from "@/lib/testing/evidence";
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents, exports } from "@/db/schema";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { buildsIdle } from "@/lib/exports/build-job";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence } from "@/lib/testing/exports";
import { call, type Route, type Who, who } from "@/lib/testing/routes";
import * as caseExports from "../cases/[id]/exports/route";
import * as download from "./[id]/download/route";
import * as item from "./[id]/route";
import * as list from "./route";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let manager: Who;
let outsider: Who;
let caseId: string;
let exportId: string;
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function get(route: Route, id: string, caller: Who, headers: Record<string, string> = {}) {
  return route(
    new Request(`http://localhost/api/exports/${id}/download`, {
      headers: { authorization: `Bearer ${caller.token}`, ...headers },
    }),
    { params: Promise.resolve({ id }) },
  );
}

const downloads = async (id: string) =>
  (
    await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "export.download")))
  ).length;

beforeAll(async () => {
  [lead, manager, outsider] = await Promise.all([who("investigator"), who("manager"), who("investigator")]);
  caseId = (await makeCase(lead.actor)).id;
  await addEvidence(lead.actor, caseId, { name: "ledger.bin", bytes: randomBytes(3 * 1024 * 1024) });
  const created = await call(
    caseExports.POST as Route,
    "POST",
    `/api/cases/${caseId}/exports`,
    lead,
    { options: { includeGraph: false } },
    { id: caseId },
  );
  expect(created.status).toBe(202);
  exportId = String(created.body.id);
  await buildsIdle();
  void evidenceDataDir;
});
afterAll(() => buildsIdle());

describe("exports API", () => {
  it("POST answers 202 with an id; GET shows status, progress, size and hashes", async () => {
    const status = await call(item.GET as Route, "GET", `/api/exports/${exportId}`, lead, undefined, { id: exportId });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      id: exportId,
      caseId,
      status: "done",
      progress: 1000,
      size: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      manifestSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      error: null,
      downloadUrl: `/api/exports/${exportId}/download`,
      options: { includeGraph: false },
    });
  });

  it("POST answers 400 with field details for bad options, 403 to a manager, 404 to an outsider", async () => {
    const bad = await call(
      caseExports.POST as Route,
      "POST",
      `/api/cases/${caseId}/exports`,
      lead,
      { options: { exclude: [{ evidenceId: "nope", reason: "" }] } },
      { id: caseId },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error?.details)).toContain("options.exclude.0.evidenceId");
    expect(
      (await call(caseExports.POST as Route, "POST", `/api/cases/${caseId}/exports`, manager, {}, { id: caseId }))
        .status,
    ).toBe(403);
    expect(
      (await call(caseExports.POST as Route, "POST", `/api/cases/${caseId}/exports`, outsider, {}, { id: caseId }))
        .status,
    ).toBe(404);
    expect(
      (await call(item.GET as Route, "GET", `/api/exports/${exportId}`, outsider, undefined, { id: exportId })).status,
    ).toBe(404);
    expect(
      (await call(item.GET as Route, "GET", `/api/exports/${exportId}`, manager, undefined, { id: exportId })).status,
    ).toBe(403);
  });

  it("GET /api/exports lists the actor's exports with paging", async () => {
    const page = await call(list.GET as Route, "GET", `/api/exports?caseId=${caseId}`, lead);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 1, page: 1, items: [{ id: exportId }] });
    expect((await call(list.GET as Route, "GET", `/api/exports?caseId=${caseId}`, manager)).body).toMatchObject({
      total: 0,
      items: [],
    });
    expect((await call(list.GET as Route, "GET", `/api/exports?pageSize=500`, lead)).status).toBe(400);
  });

  it("downloads the pack with its name, nosniff and its SHA-256, and logs the completed download", async () => {
    const before = await downloads(exportId);
    const response = await get(download.GET as Route, exportId, lead);
    expect(response.status).toBe(200);
    const { body } = await call(item.GET as Route, "GET", `/api/exports/${exportId}`, lead, undefined, {
      id: exportId,
    });
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="${String(body.fileName)}"`),
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("etag")).toBe(`"${String(body.sha256)}"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(body.size);
    expect(sha256(bytes)).toBe(body.sha256);
    expect(await downloads(exportId)).toBe(before + 1);
  });

  it("serves a byte range, and refuses one past the end", async () => {
    const whole = Buffer.from(await (await get(download.GET as Route, exportId, lead)).arrayBuffer());
    const part = await get(download.GET as Route, exportId, lead, { range: "bytes=100-1099" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-1099/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(100, 1100))).toBe(true);
    expect((await get(download.GET as Route, exportId, lead, { range: `bytes=${whole.length + 5}-` })).status).toBe(
      416,
    );
  });

  it("a cancelled download logs nothing and leaves the export as it was", async () => {
    const before = await downloads(exportId);
    const response = await get(download.GET as Route, exportId, lead);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(await downloads(exportId)).toBe(before);
    const [row] = await db.select().from(exports).where(eq(exports.id, exportId));
    expect(row?.status).toBe("done");
  });

  it("answers 409 for a pack still building or failed, and 403/404 to others", async () => {
    const rows = await db
      .insert(exports)
      .values([
        { caseId, createdById: lead.actor.id, status: "running" as const },
        { caseId, createdById: lead.actor.id, status: "failed" as const, error: "test" },
      ])
      .returning();
    for (const row of rows) expect((await get(download.GET as Route, row.id, lead)).status).toBe(409);
    expect((await get(download.GET as Route, exportId, manager)).status).toBe(403);
    expect((await get(download.GET as Route, exportId, outsider)).status).toBe(404);
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = (await openapi().json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/api/cases/{id}/exports"] ?? {})).toContain("post");
    for (const p of ["/api/exports", "/api/exports/{id}", "/api/exports/{id}/download"])
      expect(Object.keys(doc.paths[p] ?? {})).toContain("get");
  });
});
