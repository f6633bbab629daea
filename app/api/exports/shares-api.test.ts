import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents, disclosures, exportShares } from "@/db/schema";
import { addMember } from "@/lib/cases/add-member";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait } from "@/lib/testing/exports";
import { fileReferral } from "@/lib/testing/referrals";
import { call, fieldErrors, type Route, type Who, who } from "@/lib/testing/routes";
import * as share from "@/app/share/[token]/route";
import * as list from "./[id]/shares/route";
import * as item from "./[id]/shares/[shareId]/route";

vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let legal: Who;
let outsideLegal: Who;
let admin: Who;
let manager: Who;
let caseId: string;
let exportId: string;
let packSha: string;
let referralId: string;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const context = (token: string) => ({ params: Promise.resolve({ token }) });

function create(caller: Who, body: Record<string, unknown>, id = exportId) {
  return call(list.POST as Route, "POST", `/api/exports/${id}/shares`, caller, body, { id });
}
function page(token: string) {
  return share.GET(new Request(`http://localhost/share/${token}`), context(token));
}
function download(token: string, code?: string, address = "198.51.100.23") {
  const body = new URLSearchParams(code === undefined ? {} : { code });
  return share.POST(
    new Request(`http://localhost/share/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
      body,
    }),
    context(token),
  );
}

beforeAll(async () => {
  [lead, legal, outsideLegal, admin, manager] = await Promise.all([
    who("investigator"),
    who("legal", "Lena Lawyer"),
    who("legal"),
    who("admin"),
    who("manager"),
  ]);
  caseId = (await makeCase(lead.actor)).id;
  await addMember({ actor: lead.actor, caseId, input: { userId: legal.actor.id, role: "legal" } });
  await addEvidence(lead.actor, caseId, { name: "ledger.bin", bytes: randomBytes(64 * 1024) });
  const pack = await exportAndWait(lead.actor, caseId, {
    includeReport: false,
    includeStix: false,
    includeGraph: false,
  });
  exportId = pack.id;
  packSha = pack.sha256!;
  referralId = await fileReferral(caseId);
}, 180_000);

describe("creating and listing share links", () => {
  it("gives legal on the case a link with a 256-bit token, kept only as a hash", async () => {
    const created = await create(legal, { recipient: "Det. Jane Roe, FBI", expiresAt: inDays(7), maxDownloads: 2 });
    expect(created.status).toBe(201);
    const url = String(created.body.url);
    expect(url).toMatch(/^http:\/\/localhost\/share\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const [row] = await db
      .select()
      .from(exportShares)
      .where(eq(exportShares.id, String(created.body.id)));
    expect(row?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    // Two links never share a token.
    const other = await create(legal, { recipient: "Other", expiresAt: inDays(1) });
    expect(tokenOf(String(other.body.url))).not.toBe(token);
    const listed = await call(list.GET as Route, "GET", `/api/exports/${exportId}/shares`, legal, undefined, {
      id: exportId,
    });
    expect(listed.status).toBe(200);
    const items = listed.body.items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(items[0]).not.toHaveProperty("url");
  });

  it("refuses those who may not share: the lead, a manager, legal outside the case", async () => {
    const body = { recipient: "Someone", expiresAt: inDays(3) };
    expect((await create(lead, body)).status).toBe(403);
    expect((await create(manager, body)).status).toBe(403);
    expect((await create(outsideLegal, body)).status).toBe(404);
    expect((await create(admin, body)).status).toBe(201);
    const listed = await call(list.GET as Route, "GET", `/api/exports/${exportId}/shares`, lead, undefined, {
      id: exportId,
    });
    expect(listed.status).toBe(403);
  });

  it("refuses bad input with field errors and creates nothing", async () => {
    const before = (await db.select().from(exportShares).where(eq(exportShares.exportId, exportId))).length;
    const past = await create(legal, { recipient: "X", expiresAt: "2020-01-01" });
    expect(past.status).toBe(400);
    expect(fieldErrors(past.body)[0]?.path).toBe("expiresAt");
    expect((await create(legal, { recipient: "X", expiresAt: inDays(365) })).status).toBe(400);
    expect((await create(legal, { recipient: "", expiresAt: inDays(1) })).status).toBe(400);
    expect((await create(legal, { recipient: "X", expiresAt: inDays(1), maxDownloads: 0 })).status).toBe(400);
    const otherCase = await fileReferral((await makeCase(lead.actor)).id);
    const wrongReferral = await create(legal, { recipient: "X", expiresAt: inDays(1), referralId: otherCase });
    expect(fieldErrors(wrongReferral.body)[0]?.path).toBe("referralId");
    expect((await db.select().from(exportShares).where(eq(exportShares.exportId, exportId))).length).toBe(before);
  });
});

describe("the public page and its downloads", () => {
  it("shows the pack without the case, and each download is a disclosure and an audit event as the recipient", async () => {
    const created = await create(legal, {
      recipient: "AUSA Sam Poe",
      email: "sam.poe@usdoj.example",
      expiresAt: inDays(7),
      maxDownloads: 2,
      referralId,
    });
    const token = tokenOf(String(created.body.url));
    const html = await (await page(token)).text();
    expect(html).toContain(packSha);
    expect(html).toContain("Lena Lawyer");
    expect(html).not.toContain("Test investigator");

    const first = await download(token);
    expect(first.status).toBe(200);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(packSha);

    const logged = await db.select().from(disclosures).where(eq(disclosures.referralId, referralId));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ recipient: "AUSA Sam Poe", sha256: packSha, exportId, sentById: legal.actor.id });
    expect(logged[0]?.note).toContain("198.51.100.23");
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, exportId), eq(auditEvents.action, "export.share_download")));
    expect(audit).toMatchObject({ actorLabel: "system", caseId });
    expect(audit?.detail).toMatchObject({
      recipient: "AUSA Sam Poe",
      address: "198.51.100.23",
      sha256: packSha,
      download: 1,
    });

    // Stops at maxDownloads: the second works, the third is 410 and records nothing.
    expect((await download(token)).status).toBe(200);
    expect((await download(token)).status).toBe(410);
    expect((await page(token)).status).toBe(410);
    expect(await db.select().from(disclosures).where(eq(disclosures.referralId, referralId))).toHaveLength(2);
  });

  it("answers 410 once revoked or expired, and 404 for a token nobody made", async () => {
    const created = await create(legal, { recipient: "Counsel", expiresAt: inDays(2) });
    const token = tokenOf(String(created.body.url));
    expect((await page(token)).status).toBe(200);
    const revoked = await call(
      item.DELETE as Route,
      "DELETE",
      `/api/exports/${exportId}/shares/${String(created.body.id)}`,
      legal,
      undefined,
      { id: exportId, shareId: String(created.body.id) },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe("revoked");
    expect((await page(token)).status).toBe(410);
    expect((await download(token)).status).toBe(410);

    const expiring = await create(legal, { recipient: "Late", expiresAt: inDays(1) });
    await db
      .update(exportShares)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(exportShares.id, String(expiring.body.id)));
    expect((await download(tokenOf(String(expiring.body.url)))).status).toBe(410);

    expect((await page(randomBytes(32).toString("base64url"))).status).toBe(404);
    expect((await page("short")).status).toBe(404);
  });

  it("asks for the one-time code, and locks the link after five wrong ones", async () => {
    const created = await create(legal, { recipient: "Coded", expiresAt: inDays(2), withCode: true });
    const code = String(created.body.code);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const token = tokenOf(String(created.body.url));
    expect((await download(token)).status).toBe(403);
    expect((await download(token, code.toLowerCase().replace("-", " "))).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await download(token, "WRONG-CODE0")).status).toBe(403);
    // The fifth wrong code locks the link, and then even the right one is refused.
    expect((await download(token, "WRONG-CODE0")).status).toBe(410);
    expect((await download(token, code)).status).toBe(410);
  });
});
