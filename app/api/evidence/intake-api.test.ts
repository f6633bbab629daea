import { multipart, uploadRequest } from "@/lib/testing/evidence";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { db } from "@/db";
import { evidenceTextPages, jobs } from "@/db/schema";
import { queueExtraction } from "@/lib/intake/extract-job";
import { makePdf } from "@/lib/intake/samples";
import { drainJobs } from "@/lib/jobs/worker";
import { makeCase } from "@/lib/testing/cases";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { call, fieldErrors, who, type Who } from "@/lib/testing/routes";
import * as caseEvidence from "../cases/[id]/evidence/route";
import * as personaRoute from "../personas/[id]/route";
import * as identifiersRoute from "../personas/[id]/identifiers/route";
import * as mentionsRoute from "./[id]/mentions/route";
import * as textRoute from "./[id]/text/route";
import * as item from "./[id]/route";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let other: Who;
let outsider: Who;

beforeAll(async () => {
  [lead, other, outsider] = await Promise.all([
    who("investigator", "Intake Lead"),
    who("investigator", "Other Lead"),
    who("investigator", "Outsider"),
  ]);
});

interface Mention {
  type: string;
  normalizedValue: string;
  count: number;
  locations: { page?: number; offset: number; context: string }[];
  knownAs: {
    personas: { id: string; displayName: string }[];
    total: number;
    hidden: { personas: number; cases: number; leads: string[] } | null;
  };
}

async function upload(
  caller: Who,
  caseId: string,
  data: Uint8Array,
  filename: string,
): Promise<{ id: string; exhibitNo: string }> {
  const body = multipart([{ name: "file", filename, data: Buffer.from(data) }]);
  const response = await caseEvidence.POST(uploadRequest(caseId, body, { token: caller.token }), {
    params: Promise.resolve({ id: caseId }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; exhibitNo: string };
}

const text = (caller: Who, id: string, query = "") =>
  call(textRoute.GET, "GET", `/api/evidence/${id}/text${query}`, caller, undefined, { id });
const mentions = (caller: Who, id: string) =>
  call(mentionsRoute.GET, "GET", `/api/evidence/${id}/mentions`, caller, undefined, { id });

describe("text and mentions of uploaded evidence", { timeout: 60_000 }, () => {
  it("reads an upload in the background, answers its pages and the identifiers it mentions, and records a mention's source", async () => {
    const c = await makeCase(lead.actor);
    const wallet = uniqueValue.wallet();
    const email = `${uniqueValue.email().split("@")[0]}@example.com`;
    const pdf = await makePdf([
      `Kim Sang Man\nE-mail: ${email}`,
      `Payments to ${wallet}\nAgain: ${wallet.toUpperCase().replace("0X", "0x")}`,
    ]);
    const uploaded = await upload(lead, c.id, pdf, "resume.pdf");

    // Never in the upload's request: the item waits for the job.
    expect((await text(lead, uploaded.id)).body).toMatchObject({ status: "pending", pageCount: 0 });
    const [job] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "evidence.text"), eq(jobs.key, uploaded.id)));
    expect(job?.status).toBe("queued");
    expect(await drainJobs(["evidence.text"], [uploaded.id])).toBe(1);

    const read = await text(lead, uploaded.id);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: "done", format: "pdf", pageCount: 2, reason: null });
    expect((read.body.pages as { page: number; text: string }[]).map((p) => p.page)).toEqual([1, 2]);
    const page2 = await text(lead, uploaded.id, "?page=2");
    expect(page2.body.text).toBe(`Payments to ${wallet}\nAgain: ${wallet.toUpperCase().replace("0X", "0x")}`);
    const beyond = await text(lead, uploaded.id, "?page=3");
    expect(beyond.status).toBe(400);
    expect(fieldErrors(beyond.body)[0]?.path).toBe("page");

    // Who already holds them: the lead's own persona by name, another team's only as a count.
    const mine = await makePersona(lead.actor, { caseId: c.id });
    await giveIdentifier(lead.actor, mine.id, { type: "email", value: email });
    const theirs = await makePersona(other.actor, { caseId: (await makeCase(other.actor)).id });
    await giveIdentifier(other.actor, theirs.id, { type: "crypto_wallet", value: wallet });

    const found = await mentions(lead, uploaded.id);
    expect(found.status).toBe(200);
    const items = found.body.items as Mention[];
    const byType = new Map(items.map((m) => [m.type, m]));
    expect(byType.get("crypto_wallet")).toMatchObject({
      normalizedValue: wallet,
      count: 2,
      knownAs: { personas: [], total: 0, hidden: { personas: 1, cases: 1, leads: ["Other Lead"] } },
    });
    expect(byType.get("crypto_wallet")!.locations.map((l) => l.page)).toEqual([2, 2]);
    expect(byType.get("email")).toMatchObject({
      normalizedValue: email,
      count: 1,
      knownAs: { personas: [{ id: mine.id, displayName: mine.displayName }], total: 1, hidden: null },
    });
    expect(byType.get("email")!.locations[0]!.context).toContain(email);

    // "Add to persona": the claim keeps the exhibit and the page, shown wherever the claim is.
    const location = byType.get("crypto_wallet")!.locations[0]!;
    const added = await call(
      identifiersRoute.POST,
      "POST",
      `/api/personas/${mine.id}/identifiers`,
      lead,
      {
        type: "crypto_wallet",
        value: wallet,
        sourceEvidenceId: uploaded.exhibitNo,
        sourceLocation: { page: location.page, offset: location.offset },
      },
      { id: mine.id },
    );
    expect(added.status).toBe(201);
    expect(added.body.source).toEqual({
      evidenceId: uploaded.id,
      caseId: c.id,
      exhibitNo: uploaded.exhibitNo,
      title: "resume.pdf",
      page: 2,
    });
    const persona = await call(personaRoute.GET, "GET", `/api/personas/${mine.id}`, lead, undefined, { id: mine.id });
    const claims = persona.body.identifiers as { normalizedValue: string; source: unknown }[];
    expect(claims.find((i) => i.normalizedValue === wallet)?.source).toMatchObject({
      exhibitNo: uploaded.exhibitNo,
      page: 2,
    });
    expect(claims.find((i) => i.normalizedValue === email)?.source).toBeNull();

    const badPage = await call(
      identifiersRoute.POST,
      "POST",
      `/api/personas/${mine.id}/identifiers`,
      lead,
      {
        type: "email",
        value: `x.${email}`,
        sourceEvidenceId: uploaded.exhibitNo,
        sourceLocation: { page: 9, offset: 0 },
      },
      { id: mine.id },
    );
    expect(badPage.status).toBe(400);
    expect(fieldErrors(badPage.body)[0]?.path).toBe("sourceLocation.page");
    const noSource = await call(
      identifiersRoute.POST,
      "POST",
      `/api/personas/${mine.id}/identifiers`,
      lead,
      { type: "email", value: `y.${email}`, sourceLocation: { offset: 0 } },
      { id: mine.id },
    );
    expect(noSource.status).toBe(400);
    expect(fieldErrors(noSource.body)[0]?.path).toBe("sourceLocation");

    // Reading again replaces what was found: no page or mention twice.
    await db.transaction((tx) => queueExtraction(tx, uploaded.id));
    expect((await text(lead, uploaded.id)).body.status).toBe("pending");
    await drainJobs(["evidence.text"], [uploaded.id]);
    const again = await mentions(lead, uploaded.id);
    expect((again.body.items as Mention[]).map((m) => [m.type, m.count]).sort()).toEqual(
      items.map((m) => [m.type, m.count]).sort(),
    );
    const [pages] = await db
      .select({ n: count() })
      .from(evidenceTextPages)
      .where(eq(evidenceTextPages.evidenceId, uploaded.id));
    expect(pages?.n).toBe(2);
  });

  it("is the item's content: not found for whoever may not read it", async () => {
    const c = await makeCase(lead.actor);
    const uploaded = await upload(lead, c.id, await makePdf(["secret@example.com"]), "secret.pdf");
    await drainJobs(["evidence.text"], [uploaded.id]);
    expect((await text(outsider, uploaded.id)).status).toBe(404);
    expect((await mentions(outsider, uploaded.id)).status).toBe(404);
  });

  it("skips an item deleted before its text was read", async () => {
    const c = await makeCase(lead.actor);
    const uploaded = await upload(lead, c.id, await makePdf(["early@example.com"]), "early.pdf");
    const deleted = await call(
      item.DELETE,
      "DELETE",
      `/api/evidence/${uploaded.id}`,
      lead,
      { reason: "Not for this case" },
      { id: uploaded.id },
    );
    expect(deleted.status).toBe(200);
    expect(await drainJobs(["evidence.text"], [uploaded.id])).toBe(1);
    const [job] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "evidence.text"), eq(jobs.key, uploaded.id)));
    expect(job).toMatchObject({ status: "done", attempts: 1, error: null });
    const [pages] = await db
      .select({ n: count() })
      .from(evidenceTextPages)
      .where(eq(evidenceTextPages.evidenceId, uploaded.id));
    expect(pages?.n).toBe(0);
  });

  it("forgets the text of a deleted item", async () => {
    const c = await makeCase(lead.actor);
    const uploaded = await upload(lead, c.id, await makePdf(["gone@example.com"]), "gone.pdf");
    await drainJobs(["evidence.text"], [uploaded.id]);
    const deleted = await call(
      item.DELETE,
      "DELETE",
      `/api/evidence/${uploaded.id}`,
      lead,
      { reason: "Uploaded to the wrong case" },
      { id: uploaded.id },
    );
    expect(deleted.status).toBe(200);
    const [pages] = await db
      .select({ n: count() })
      .from(evidenceTextPages)
      .where(eq(evidenceTextPages.evidenceId, uploaded.id));
    expect(pages?.n).toBe(0);
    expect((await text(lead, uploaded.id)).status).toBe(404);
  });
});
