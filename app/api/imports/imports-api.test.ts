import { createHash } from "node:crypto";
import { multipart, multipartType } from "@/lib/testing/evidence";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, count, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { casePersonas, evidence, importKeys, imports, personaIdentifiers, personas } from "@/db/schema";
import { listImportSources } from "@/lib/imports/get-import";
import { makeXlsx } from "@/lib/intake/samples";
import { drainJobs } from "@/lib/jobs/worker";
import { addMember } from "@/lib/cases/add-member";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { call, who, type Who } from "@/lib/testing/routes";
import { inRequestScope, serverRequest } from "@/lib/testing/next-request";
import * as importsRoute from "./route";
import * as importRoute from "./[id]/route";

vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let member: Who;
let observer: Who;
let outsider: Who;
let manager: Who;
let admin: Who;

beforeAll(async () => {
  [lead, member, observer, outsider, manager, admin] = await Promise.all([
    who("investigator", "Import Lead"),
    who("investigator", "Import Member"),
    who("investigator", "Import Observer"),
    who("investigator", "Import Outsider"),
    who("manager", "Import Manager"),
    who("admin", "Import Admin"),
  ]);
});

interface ImportAnswer {
  status: string;
  progress: number;
  rows: number;
  created: number;
  matched: number;
  refused: number;
  failure: string | null;
  errors: { row: number; column: string | null; message: string }[];
  outcomes: { row: number; key: string; outcome: string; reason?: string; personaId?: string; hits?: number }[];
  evidence: { id: string; exhibitNo: string } | null;
  sha256: string;
}

async function post(caller: Who, fields: Record<string, string>, file: Uint8Array, filename = "applicants.csv") {
  const body = multipart([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: "file", filename, data: Buffer.from(file) },
  ]);
  const request = serverRequest("http://localhost/api/imports", {
    method: "POST",
    headers: { "content-type": multipartType, authorization: `Bearer ${caller.token}` },
    body: new Uint8Array(body),
  });
  const response = await inRequestScope(request, () => importsRoute.POST(request, { params: Promise.resolve({}) }));
  return { status: response.status, body: (await response.json()) as { id?: string; error?: { code: string } } };
}

async function run(caller: Who, fields: Record<string, string>, file: Uint8Array, filename?: string) {
  const started = await post(caller, fields, file, filename);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const id = started.body.id!;
  await drainJobs(["import.rows"], [id]);
  const read = await call(importRoute.GET, "GET", `/api/imports/${id}`, caller, undefined, { id });
  expect(read.status).toBe(200);
  return { id, ...(read.body as unknown as ImportAnswer) };
}

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(",")).join("\r\n") + "\r\n");

/** An export of three applicants: two good ones and, on row 3, an e-mail that is not one. */
function applicants() {
  const source = `ats-${uniqueWord()}`;
  const [a, b, c] = [uniqueWord("app"), uniqueWord("app"), uniqueWord("app")];
  const names = [`Ada ${uniqueWord()}`, `Bo ${uniqueWord()}`, `Cy ${uniqueWord()}`];
  const wallet = uniqueValue.wallet();
  const file = csv([
    ["applicant_id", "full_name", "email", "mobile", "wallet"],
    [a, names[0]!, uniqueValue.email(), "+1 202 555 0143", wallet],
    [b, names[1]!, "not-an-email", "", ""],
    [c, names[2]!, uniqueValue.email(), "", ""],
  ]);
  const mapping = {
    source,
    key: "applicant_id",
    columns: { full_name: "displayName", email: "email", mobile: "phone", wallet: "crypto_wallet" },
  };
  return { source, keys: [a, b, c], names, wallet, file, mapping: JSON.stringify(mapping) };
}

const personasNamed = async (names: string[]) =>
  (await db.select({ n: count() }).from(personas).where(inArray(personas.displayName, names)))[0]!.n;

describe("POST /api/imports and GET /api/imports/{id}", () => {
  it("reports in a dry run what would be created and refused, with the row and column of each error, writing nothing", async () => {
    const kase = await makeCase(lead.actor);
    const data = applicants();
    const dry = await run(lead, { mapping: data.mapping, caseId: kase.id, dryRun: "true" }, data.file);
    expect(dry).toMatchObject({ status: "done", progress: 1000, rows: 3, created: 2, matched: 0, refused: 1 });
    expect(dry.errors).toEqual([{ row: 3, column: "email", message: expect.stringContaining("not-an-email") }]);
    expect(dry.outcomes.map((o) => [o.row, o.key, o.outcome])).toEqual([
      [2, data.keys[0], "created"],
      [3, data.keys[1], "refused"],
      [4, data.keys[2], "created"],
    ]);
    expect(dry.outcomes[1]!.reason).toMatch(/^email: not-an-email/);
    expect(await personasNamed(data.names)).toBe(0);
    expect((await db.select({ n: count() }).from(evidence).where(eq(evidence.caseId, kase.id)))[0]!.n).toBe(0);
    expect((await db.select({ n: count() }).from(importKeys).where(eq(importKeys.source, data.source)))[0]!.n).toBe(0);
    // The mapping is remembered for the source even from a dry run.
    expect(await listImportSources({ actor: lead.actor })).toContainEqual(JSON.parse(data.mapping));
  });

  it("imports the good rows into the case with the import as their source, screens them, and keeps the file as evidence", async () => {
    const kase = await makeCase(lead.actor);
    const data = applicants();
    // Someone already known holds the wallet: the imported row is a correlation hit at once.
    const known = await makePersona(lead.actor, { caseId: (await makeCase(lead.actor)).id });
    await giveIdentifier(lead.actor, known.id, { type: "crypto_wallet", value: data.wallet });

    const done = await run(lead, { mapping: data.mapping, caseId: kase.id }, data.file);
    expect(done).toMatchObject({ status: "done", rows: 3, created: 2, matched: 0, refused: 1 });
    expect(done.errors).toEqual([{ row: 3, column: "email", message: expect.any(String) }]);
    expect(done.outcomes[0]).toMatchObject({ outcome: "created", hits: 1 });
    expect(done.outcomes[2]).toMatchObject({ outcome: "created", hits: 0 });

    const made = await db
      .select({ id: personas.id, name: personas.displayName, sourceImportId: personas.sourceImportId })
      .from(personas)
      .innerJoin(casePersonas, eq(casePersonas.personaId, personas.id))
      .where(and(eq(casePersonas.caseId, kase.id), inArray(personas.displayName, data.names)));
    expect(made.map((p) => p.name).sort()).toEqual([data.names[0], data.names[2]].sort());
    expect(made.every((p) => p.sourceImportId === done.id)).toBe(true);

    const claims = await db
      .select({
        sourceImportId: personaIdentifiers.sourceImportId,
        sourceEvidenceId: personaIdentifiers.sourceEvidenceId,
      })
      .from(personaIdentifiers)
      .where(
        inArray(
          personaIdentifiers.personaId,
          made.map((p) => p.id),
        ),
      );
    // Ada: e-mail, phone, wallet; Cy: e-mail.
    expect(claims).toHaveLength(4);
    expect(claims.every((c) => c.sourceImportId === done.id && c.sourceEvidenceId === done.evidence?.id)).toBe(true);

    const [item] = await db.select().from(evidence).where(eq(evidence.caseId, kase.id));
    expect(item).toMatchObject({
      id: done.evidence!.id,
      sha256: createHash("sha256").update(data.file).digest("hex"),
      originalName: "applicants.csv",
    });
    expect(done.sha256).toBe(item!.sha256);
  });

  it("changes nothing when the same file is imported again: every good row matches", async () => {
    const kase = await makeCase(lead.actor);
    const data = applicants();
    const first = await run(lead, { mapping: data.mapping, caseId: kase.id }, data.file);
    const snapshot = async () => ({
      personas: await personasNamed(data.names),
      claims: (
        await db
          .select({ n: count() })
          .from(personaIdentifiers)
          .innerJoin(casePersonas, eq(casePersonas.personaId, personaIdentifiers.personaId))
          .where(eq(casePersonas.caseId, kase.id))
      )[0]!.n,
      evidence: (await db.select({ n: count() }).from(evidence).where(eq(evidence.caseId, kase.id)))[0]!.n,
    });
    const before = await snapshot();
    expect(before).toEqual({ personas: 2, claims: 4, evidence: 1 });

    const again = await run(lead, { mapping: data.mapping, caseId: kase.id }, data.file);
    expect(again).toMatchObject({ status: "done", rows: 3, created: 0, matched: 2, refused: 1 });
    expect(again.outcomes[0]).toMatchObject({ outcome: "matched", personaId: first.outcomes[0]!.personaId });
    expect(again.evidence?.id).toBe(first.evidence?.id);
    expect(await snapshot()).toEqual(before);
    // A dry run of it says the same.
    const dry = await run(lead, { mapping: data.mapping, caseId: kase.id, dryRun: "true" }, data.file);
    expect(dry).toMatchObject({ created: 0, matched: 2, refused: 1 });
  });

  it("reads an XLSX workbook's first sheet, phones in the given region", async () => {
    const kase = await makeCase(lead.actor);
    const key = uniqueWord("x");
    const name = `Xia ${uniqueWord()}`;
    const file = await makeXlsx({
      Applicants: [
        ["id", "name", "phone"],
        [key, name, "020 7946 0958"],
      ],
    });
    const mapping = JSON.stringify({
      source: `xlsx-${uniqueWord()}`,
      key: "id",
      columns: { name: "displayName", phone: "phone" },
    });
    const done = await run(lead, { mapping, caseId: kase.id, phoneRegion: "GB" }, file, "applicants.xlsx");
    expect(done).toMatchObject({ status: "done", rows: 1, created: 1, refused: 0 });
    const [claim] = await db
      .select({ value: personaIdentifiers.value })
      .from(personaIdentifiers)
      .where(eq(personaIdentifiers.personaId, done.outcomes[0]!.personaId!));
    expect(claim?.value).toBe("020 7946 0958");
  });

  it("fails a file lacking a mapped column with the column named, and refuses a bad mapping outright", async () => {
    const kase = await makeCase(lead.actor);
    const data = applicants();
    const mapping = JSON.stringify({
      source: data.source,
      key: "applicant_id",
      columns: { full_name: "displayName", fax: "phone" },
    });
    const failed = await run(lead, { mapping, caseId: kase.id }, data.file);
    expect(failed).toMatchObject({ status: "failed", created: 0, failure: expect.stringContaining("missing") });
    expect(failed.errors).toEqual([{ row: 1, column: "fax", message: 'The file has no column "fax"' }]);
    expect(await personasNamed(data.names)).toBe(0);

    const before = (await db.select({ n: count() }).from(imports))[0]!.n;
    const notJson = await post(lead, { mapping: "{", caseId: kase.id }, data.file);
    expect(notJson.status).toBe(400);
    const noName = await post(
      lead,
      { mapping: JSON.stringify({ source: "x", key: "applicant_id", columns: { email: "email" } }), caseId: kase.id },
      data.file,
    );
    expect(noName.status).toBe(400);
    const unknownTarget = await post(
      lead,
      {
        mapping: JSON.stringify({ source: "x", key: "k", columns: { n: "displayName", e: "shoe_size" } }),
        caseId: kase.id,
      },
      data.file,
    );
    expect(unknownTarget.status).toBe(400);
    // Latin-1 ("Zoë" as one byte) is not UTF-8: saved from the wrong menu, refused before anything
    // is kept, in a large file too (only its first megabyte is checked).
    const padding = Buffer.from(`${"2,Padding Row\n".repeat(90_000)}`);
    const latin1 = await post(
      lead,
      { mapping: data.mapping, caseId: kase.id },
      Uint8Array.from([...Buffer.from("applicant_id,full_name\n1,Zo"), 0xeb, 0x0a, ...padding]),
    );
    expect(latin1.status).toBe(400);
    expect((await db.select({ n: count() }).from(imports))[0]!.n).toBe(before);
  });

  it("lets only those who work the case import into it and read the import; the rest get 404 or 403", async () => {
    const kase = await makeCase(lead.actor);
    await addMember({ actor: lead.actor, caseId: kase.id, input: { userId: member.actor.id, role: "investigator" } });
    await addMember({ actor: lead.actor, caseId: kase.id, input: { userId: observer.actor.id, role: "observer" } });
    const data = applicants();
    const fields = { mapping: data.mapping, caseId: kase.id, dryRun: "true" };

    expect((await post(outsider, fields, data.file)).status).toBe(404);
    expect((await post(observer, fields, data.file)).status).toBe(403);
    expect((await post(manager, fields, data.file)).status).toBe(403);
    // Without a case the rows would go into the directory every role sees: admins only.
    expect((await post(lead, { mapping: data.mapping, dryRun: "true" }, data.file)).status).toBe(403);
    expect((await post(admin, { mapping: data.mapping, dryRun: "true" }, data.file)).status).toBe(202);

    const { id } = await run(member, fields, data.file);
    const read = (caller: Who) => call(importRoute.GET, "GET", `/api/imports/${id}`, caller, undefined, { id });
    expect((await read(lead)).status).toBe(200);
    expect((await read(admin)).status).toBe(200);
    expect((await read(observer)).status).toBe(403);
    expect((await read(manager)).status).toBe(403);
    const hidden = await read(outsider);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain(data.keys[0]);
  });
});
