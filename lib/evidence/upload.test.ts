import {
  droppingBody,
  multipart,
  sha256sum,
  stallingBody,
  storedFiles,
  storedPath,
  tempFiles,
  uploadRequest,
} from "@/lib/testing/evidence";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { cases, custodyEvents, evidence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { addMember } from "@/lib/cases/add-member";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { uploadEvidence } from "./upload-evidence";

let lead: Actor;
let outsider: Actor;
let observer: Actor;

beforeAll(async () => {
  [lead, outsider, observer] = await Promise.all([
    makeActor("investigator", "Lead"),
    makeActor("investigator"),
    makeActor("investigator", "Observer"),
  ]);
});

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63fcffff3f0005fe02fea7d6a6f90000000049454e44ae426082",
  "hex",
);

async function rowsOf(caseId: string) {
  return db.select().from(evidence).where(eq(evidence.caseId, caseId));
}

function upload(
  actor: Actor,
  caseId: string,
  body: Buffer | ReadableStream<Uint8Array>,
  extra: { maxBytes?: number; signal?: AbortSignal; type?: string } = {},
) {
  return uploadEvidence({
    actor,
    caseId,
    request: uploadRequest(caseId, body, { signal: extra.signal, type: extra.type }),
    maxBytes: extra.maxBytes,
  });
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe("uploadEvidence", () => {
  it("stores the file under its SHA-256, which equals sha256sum of the original, and records the row with E-001", async () => {
    const c = await makeCase(lead);
    const bytes = randomBytes(1024 * 1024 + 333);
    const body = multipart([
      { name: "title", value: "Payroll export" },
      { name: "kind", value: "hr_record" },
      { name: "collectedAt", value: "2026-02-01T10:00:00Z" },
      { name: "collectedBy", value: "HR operations" },
      { name: "source", value: "Workday" },
      { name: "description", value: "Bank change request" },
      { name: "file", filename: "payroll.bin", data: bytes },
    ]);
    const view = await upload(lead, c.id, body);
    expect(view.sha256).toBe(sha256sum(bytes));
    expect(view).toMatchObject({
      exhibitNo: "E-001",
      size: bytes.length,
      title: "Payroll export",
      kind: "hr_record",
      collectedBy: "HR operations",
      source: "Workday",
      originalName: "payroll.bin",
      legalHold: false,
    });
    expect(view.collectedAt).toBe("2026-02-01T10:00:00.000Z");
    expect(fs.readFileSync(storedPath(view.sha256)).equals(bytes)).toBe(true);
    expect(tempFiles()).toEqual([]);
    const custody = await db.select().from(custodyEvents).where(eq(custodyEvents.evidenceId, view.id));
    expect(custody.map((e) => e.action).sort()).toEqual(["collected", "uploaded"]);
    const [counter] = await db.select({ n: cases.exhibitCounter }).from(cases).where(eq(cases.id, c.id));
    expect(counter?.n).toBe(1);
  });

  it("numbers exhibits per case and stores identical bytes once, even across cases", async () => {
    const [a, b] = [await makeCase(lead), await makeCase(lead)];
    const bytes = randomBytes(200_000);
    const body = () => multipart([{ name: "file", filename: "same.bin", data: bytes }]);
    const first = await upload(lead, a.id, body());
    const second = await upload(
      lead,
      a.id,
      multipart([{ name: "file", filename: "other.bin", data: randomBytes(10) }]),
    );
    const third = await upload(lead, b.id, body());
    expect([first.exhibitNo, second.exhibitNo, third.exhibitNo]).toEqual(["E-001", "E-002", "E-001"]);
    expect(third.sha256).toBe(first.sha256);
    expect(storedFiles().filter((f) => f.endsWith(first.sha256))).toHaveLength(1);
  });

  it("hands out distinct exhibit numbers to concurrent uploads, and shares one file between concurrent identical uploads", async () => {
    const c = await makeCase(lead);
    const same = randomBytes(80_000);
    const views = await Promise.all(
      [same, same, randomBytes(5000), randomBytes(5000)].map((data, i) =>
        upload(lead, c.id, multipart([{ name: "file", filename: `f${i}.bin`, data }])),
      ),
    );
    expect(views.map((v) => v.exhibitNo).sort()).toEqual(["E-001", "E-002", "E-003", "E-004"]);
    expect(storedFiles().filter((f) => f.endsWith(views[0]!.sha256))).toHaveLength(1);
    expect(fs.readFileSync(storedPath(views[0]!.sha256)).equals(same)).toBe(true);
    expect(tempFiles()).toEqual([]);
  });

  it("detects the type from the bytes, keeps the claim, and flags a mismatch", async () => {
    const c = await makeCase(lead);
    const png = await upload(
      lead,
      c.id,
      multipart([{ name: "file", filename: "shot.png", type: "image/png", data: PNG }]),
    );
    expect(png).toMatchObject({
      mimeType: "image/png",
      claimedMimeType: "image/png",
      mimeMismatch: false,
      preview: "image",
    });
    const fake = await upload(
      lead,
      c.id,
      multipart([
        {
          name: "file",
          filename: "report.pdf",
          type: "application/pdf",
          data: Buffer.from("<!doctype html><script>alert(1)</script>"),
        },
      ]),
    );
    expect(fake).toMatchObject({
      mimeType: "text/html",
      claimedMimeType: "application/pdf",
      mimeMismatch: true,
      preview: "text",
    });
    const chat = await upload(
      lead,
      c.id,
      multipart([
        {
          name: "file",
          filename: "chat.txt",
          type: "text/plain",
          data: Buffer.from("[09:01] recruiter: hi\n[09:02] candidate: camera broken\n"),
        },
      ]),
    );
    expect(chat).toMatchObject({ mimeType: "text/plain", mimeMismatch: false, preview: "text", title: "chat.txt" });
  });

  it.each([
    ["../ segments", "../../etc/passwd", false, "../../etc/passwd"],
    ["a NUL byte (RFC 2231-encoded)", "evil\u0000.txt", true, "evil.txt"],
    ["a right-to-left override", "invoice\u202Efdp.exe", false, "invoicefdp.exe"],
    ["a right-to-left override (RFC 2231-encoded)", "invoice\u202Efdp.exe", true, "invoicefdp.exe"],
    ["non-Latin letters", "отчёт 報告.pdf", false, "отчёт 報告.pdf"],
  ])("keeps a file name with %s only as safe text", async (_what, name, star, expected) => {
    const c = await makeCase(lead);
    const view = await upload(
      lead,
      c.id,
      multipart([{ name: "file", filename: name, filenameStar: star, data: randomBytes(100) }]),
    );
    expect(view.originalName).toBe(expected);
    expect(storedFiles().some((f) => f.endsWith(view.sha256))).toBe(true);
    expect(storedFiles().every((f) => !f.includes("passwd") && !f.includes("evil") && !f.includes("invoice"))).toBe(
      true,
    );
  });

  it("refuses a raw NUL byte in the part header as a malformed body", async () => {
    const c = await makeCase(lead);
    const error = await failure(
      upload(lead, c.id, multipart([{ name: "file", filename: "evil\u0000.txt", data: randomBytes(100) }])),
    );
    expect(error).toMatchObject({ code: "bad_request" });
    expect(await rowsOf(c.id)).toEqual([]);
    expect(tempFiles()).toEqual([]);
  });

  it("caps a very long file name", async () => {
    const c = await makeCase(lead);
    const view = await upload(
      lead,
      c.id,
      multipart([{ name: "file", filename: `${"a".repeat(1000)}.txt`, data: randomBytes(10) }]),
    );
    expect([...view.originalName]).toHaveLength(255);
  });

  it("answers 413 over the limit and leaves no row and no file", async () => {
    const c = await makeCase(lead);
    const bytes = randomBytes(300_000);
    const error = await failure(
      upload(lead, c.id, multipart([{ name: "file", filename: "big.bin", data: bytes }]), { maxBytes: 100_000 }),
    );
    expect(error).toMatchObject({ code: "payload_too_large" });
    expect(await rowsOf(c.id)).toEqual([]);
    expect(storedFiles().some((f) => f.endsWith(sha256sum(bytes)))).toBe(false);
    expect(tempFiles()).toEqual([]);
  });

  it("answers 413 from Content-Length alone, before reading the body", async () => {
    const c = await makeCase(lead);
    const request = uploadRequest(c.id, stallingBody(Buffer.alloc(10)), {
      headers: { "content-length": String(50 * 1024 * 1024) },
    });
    await expect(uploadEvidence({ actor: lead, caseId: c.id, request, maxBytes: 1024 })).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });

  it.each([
    ["drops the connection", (head: Buffer) => ({ body: droppingBody(head) })],
    ["goes quiet and the request is aborted", (head: Buffer) => ({ body: stallingBody(head), abort: true })],
  ])("leaves no row and no file when the client %s mid-upload", async (_what, make) => {
    const c = await makeCase(lead);
    const bytes = randomBytes(500_000);
    const full = multipart([
      { name: "title", value: "cut" },
      { name: "file", filename: "cut.bin", data: bytes },
    ]);
    const { body, abort } = make(full.subarray(0, 300_000)) as { body: ReadableStream<Uint8Array>; abort?: boolean };
    const controller = new AbortController();
    if (abort) setTimeout(() => controller.abort(), 100);
    const error = await failure(upload(lead, c.id, body, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AppError);
    expect(await rowsOf(c.id)).toEqual([]);
    expect(tempFiles()).toEqual([]);
    expect(storedFiles().some((f) => f.endsWith(sha256sum(bytes)))).toBe(false);
    const [counter] = await db.select({ n: cases.exhibitCounter }).from(cases).where(eq(cases.id, c.id));
    expect(counter?.n).toBe(0);
  });

  it.each([
    [
      "a body that is not multipart",
      () => ({ body: Buffer.from('{"file":"x"}'), type: "application/json" }),
      "unsupported_media_type",
    ],
    [
      "an empty file",
      () => ({ body: multipart([{ name: "file", filename: "empty.txt", data: Buffer.alloc(0) }]) }),
      "bad_request",
    ],
    [
      "a multipart body with no file",
      () => ({ body: multipart([{ name: "title", value: "no file" }]) }),
      "bad_request",
    ],
    [
      "two files in the one field",
      () => ({
        body: multipart([
          { name: "file", filename: "a.bin", data: randomBytes(2000) },
          { name: "file", filename: "b.bin", data: randomBytes(2000) },
        ]),
      }),
      "bad_request",
    ],
    [
      "a file in another field",
      () => ({ body: multipart([{ name: "attachment", filename: "a.bin", data: randomBytes(20) }]) }),
      "bad_request",
    ],
    [
      "an unknown field",
      () => ({
        body: multipart([
          { name: "isAdmin", value: "true" },
          { name: "file", filename: "a.bin", data: randomBytes(20) },
        ]),
      }),
      "bad_request",
    ],
    [
      "a bad kind",
      () => ({
        body: multipart([
          { name: "kind", value: "rumour" },
          { name: "file", filename: "a.bin", data: randomBytes(20) },
        ]),
      }),
      "bad_request",
    ],
    [
      "a bad collected-at date",
      () => ({
        body: multipart([
          { name: "file", filename: "a.bin", data: randomBytes(20) },
          { name: "collectedAt", value: "last Tuesday" },
        ]),
      }),
      "bad_request",
    ],
    [
      "a truncated multipart body",
      () => ({ body: multipart([{ name: "file", filename: "a.bin", data: randomBytes(5000) }]).subarray(0, 3000) }),
      "bad_request",
    ],
  ])("refuses %s with a clear error and writes nothing", async (_what, make, code) => {
    const c = await makeCase(lead);
    const before = storedFiles().length;
    const { body, type } = make() as { body: Buffer; type?: string };
    const error = await failure(upload(lead, c.id, body, { type }));
    expect(error).toMatchObject({ code, message: expect.any(String) });
    expect(await rowsOf(c.id)).toEqual([]);
    expect(storedFiles()).toHaveLength(before);
    expect(tempFiles()).toEqual([]);
  });

  it("answers not_found to a non-member and forbidden to an observer, before reading the body", async () => {
    const c = await makeCase(lead);
    await addMember({ actor: lead, caseId: c.id, input: { userId: observer.id, role: "observer" } });
    const body = multipart([{ name: "file", filename: "a.bin", data: randomBytes(20) }]);
    expect(await failure(upload(outsider, c.id, body))).toMatchObject({ code: "not_found" });
    expect(await failure(upload(observer, c.id, body))).toMatchObject({ code: "forbidden" });
    const [n] = await db
      .select({ n: count() })
      .from(evidence)
      .where(and(eq(evidence.caseId, c.id)));
    expect(n?.n).toBe(0);
  });
});
