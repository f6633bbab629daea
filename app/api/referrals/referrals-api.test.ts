import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { db } from "@/db";
import { disclosures, referrals } from "@/db/schema";
import { addMember } from "@/lib/cases/add-member";
import { makeCase, walkCase } from "@/lib/testing/cases";
import { call, methodsOf, type Route, type Who, who } from "@/lib/testing/routes";
import * as caseReferralsRoute from "../cases/[id]/referrals/route";
import * as transitionCaseRoute from "../cases/[id]/transition/route";
import * as disclosuresRoute from "./[id]/disclosures/route";
import * as referralRoute from "./[id]/route";
import * as transitionRoute from "./[id]/transition/route";
import * as referralsRoute from "./route";

vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let member: Who;
let outsider: Who;
let manager: Who;
let legal: Who;
let otherLegal: Who;

beforeAll(async () => {
  [lead, member, outsider, manager, legal, otherLegal] = await Promise.all([
    who("investigator", "Lead"),
    who("investigator", "Member"),
    who("investigator"),
    who("manager"),
    who("legal", "Legal"),
    who("legal"),
  ]);
});

async function openCase() {
  const c = await makeCase(lead.actor);
  await addMember({ actor: lead.actor, caseId: c.id, input: { userId: member.actor.id } });
  await addMember({ actor: lead.actor, caseId: c.id, input: { userId: legal.actor.id, role: "legal" } });
  return c;
}

async function draft(caseId: string, body: Record<string, unknown> = { destination: "fbi_ic3" }) {
  const res = await call(caseReferralsRoute.POST, "POST", `/api/cases/${caseId}/referrals`, legal, body, {
    id: caseId,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; status: string };
}

const countRows = async (table: typeof referrals | typeof disclosures, where: ReturnType<typeof eq>) =>
  Number((await db.select({ n: count() }).from(table).where(where))[0]?.n ?? 0);

describe("referrals API", () => {
  it("drafts, submits with a reference number (OFAC deadline set) and logs a disclosure", async () => {
    const c = await openCase();
    const r = await draft(c.id, { destination: "ofac_vsd", contact: "OFAC Compliance" });
    const noRef = await call(
      transitionRoute.POST,
      "POST",
      `/api/referrals/${r.id}/transition`,
      legal,
      { to: "submitted" },
      { id: r.id },
    );
    expect([noRef.status, noRef.body.error?.code]).toEqual([400, "bad_request"]);
    const submitted = await call(
      transitionRoute.POST,
      "POST",
      `/api/referrals/${r.id}/transition`,
      legal,
      { to: "submitted", referenceNo: "VSD-0042", date: "2026-03-06" },
      { id: r.id },
    );
    expect(submitted.body).toMatchObject({
      status: "submitted",
      referenceNo: "VSD-0042",
      deadlineAt: "2026-03-20T23:59:59.999Z",
    });
    const logged = await call(
      disclosuresRoute.POST,
      "POST",
      `/api/referrals/${r.id}/disclosures`,
      legal,
      { what: "Evidence pack", recipient: "OFAC", sentAt: "2026-03-06", sha256: "f".repeat(64) },
      { id: r.id },
    );
    expect(logged.status).toBe(201);
    const log = await call(disclosuresRoute.GET, "GET", `/api/referrals/${r.id}/disclosures`, manager, undefined, {
      id: r.id,
    });
    expect(log.body.items).toEqual([logged.body]);
    expect(
      (await call(referralRoute.GET, "GET", `/api/referrals/${r.id}`, member, undefined, { id: r.id })).body,
    ).toMatchObject({ disclosureCount: 1, permissions: { manage: false } });
  });

  it("the disclosure log has no update or delete route: the route modules answer only GET and POST", async () => {
    expect(methodsOf(disclosuresRoute)).toEqual(["GET", "POST"]);
    expect(methodsOf(referralRoute)).toEqual(["GET", "PATCH"]);
    const res = await openapi();
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/api/referrals/{id}/disclosures"] ?? {}).sort()).toEqual(["get", "post"]);
    for (const path of [
      "/api/cases/{id}/tasks",
      "/api/tasks/{id}",
      "/api/cases/{id}/tasks/apply-template",
      "/api/tasks",
      "/api/cases/{id}/referrals",
      "/api/referrals/{id}",
      "/api/referrals/{id}/transition",
      "/api/referrals",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it.each([
    ["an unknown destination", { destination: "mi6" }],
    ["`other` without a name", { destination: "other" }],
    ["a contact with control characters", { destination: "fbi_ic3", contact: "desk\u0007" }],
    ["a deadline that does not parse", { destination: "fbi_ic3", deadlineAt: "soon" }],
  ])("POST a referral with %s is 400 and writes nothing", async (_label, body) => {
    const c = await openCase();
    const res = await call(caseReferralsRoute.POST, "POST", `/api/cases/${c.id}/referrals`, legal, body, { id: c.id });
    expect([res.status, res.body.error?.code]).toEqual([400, "bad_request"]);
    expect(await countRows(referrals, eq(referrals.caseId, c.id))).toBe(0);
  });

  it.each([
    ["an unknown status", { to: "filed" }],
    ["a reference number with control characters", { to: "submitted", referenceNo: "IC3\u0000123" }],
    ["an unparseable date", { to: "submitted", referenceNo: "IC3-1", date: "2026-02-31" }],
  ])("a transition with %s is 400 and changes nothing", async (_label, body) => {
    const c = await openCase();
    const r = await draft(c.id);
    const res = await call(transitionRoute.POST, "POST", `/api/referrals/${r.id}/transition`, legal, body, {
      id: r.id,
    });
    expect([res.status, res.body.error?.code]).toEqual([400, "bad_request"]);
    expect(
      (await call(referralRoute.GET, "GET", `/api/referrals/${r.id}`, legal, undefined, { id: r.id })).body,
    ).toMatchObject({ status: "draft", referenceNo: null });
  });

  it("a disclosure with bad input is 400 and writes nothing", async () => {
    const c = await openCase();
    const r = await draft(c.id);
    for (const body of [
      { what: "x", recipient: "y", sentAt: "whenever" },
      { what: "x", recipient: "y\u001b", sentAt: "2026-03-02" },
      { what: "x", recipient: "y", sentAt: "2026-03-02", sha256: "xyz" },
    ]) {
      const res = await call(disclosuresRoute.POST, "POST", `/api/referrals/${r.id}/disclosures`, legal, body, {
        id: r.id,
      });
      expect(res.status).toBe(400);
    }
    expect(await countRows(disclosures, eq(disclosures.referralId, r.id))).toBe(0);
  });

  it("investigators who are not members get 404; managers and member investigators read but may not manage (403)", async () => {
    const c = await openCase();
    const r = await draft(c.id);
    const p = { id: r.id };
    const reads: [Route, string][] = [
      [caseReferralsRoute.GET, `/api/cases/${c.id}/referrals`],
      [referralRoute.GET, `/api/referrals/${r.id}`],
      [disclosuresRoute.GET, `/api/referrals/${r.id}/disclosures`],
    ];
    const writes: [Route, string, string, unknown][] = [
      [caseReferralsRoute.POST, "POST", `/api/cases/${c.id}/referrals`, { destination: "fbi_ic3" }],
      [referralRoute.PATCH, "PATCH", `/api/referrals/${r.id}`, { notes: "changed" }],
      [transitionRoute.POST, "POST", `/api/referrals/${r.id}/transition`, { to: "submitted", referenceNo: "X-1" }],
      [
        disclosuresRoute.POST,
        "POST",
        `/api/referrals/${r.id}/disclosures`,
        { what: "x", recipient: "y", sentAt: "2026-03-02" },
      ],
    ];
    const paramsFor = (path: string) => (path.startsWith("/api/cases/") ? { id: c.id } : p);
    for (const [caller, read, write] of [
      [outsider, 404, 404],
      [otherLegal, 404, 404],
      [manager, 200, 403],
      [member, 200, 403],
      [lead, 200, 403],
    ] as const) {
      for (const [route, path] of reads)
        expect([
          caller.actor.role,
          path,
          (await call(route, "GET", path, caller, undefined, paramsFor(path))).status,
        ]).toEqual([caller.actor.role, path, read]);
      for (const [route, method, path, body] of writes) {
        expect([
          caller.actor.role,
          method,
          path,
          (await call(route, method, path, caller, body, paramsFor(path))).status,
        ]).toEqual([caller.actor.role, method, path, write]);
      }
    }
    expect(await countRows(referrals, eq(referrals.caseId, c.id))).toBe(1);
    expect((await call(referralRoute.GET, "GET", `/api/referrals/${r.id}`, legal, undefined, p)).body).toMatchObject({
      status: "draft",
      notes: "",
    });
  });

  it("any legal user manages referrals of a referred case; moving to referred needs a submitted referral (409)", async () => {
    const c = await openCase();
    await walkCase(lead.actor, c.id, ["investigating", "contained"]);
    const r = await draft(c.id);
    const early = await call(
      transitionCaseRoute.POST,
      "POST",
      `/api/cases/${c.id}/transition`,
      legal,
      { to: "referred" },
      { id: c.id },
    );
    expect([early.status, early.body.error?.code]).toEqual([409, "conflict"]);
    await call(
      transitionRoute.POST,
      "POST",
      `/api/referrals/${r.id}/transition`,
      legal,
      { to: "submitted", referenceNo: "IC3-9" },
      { id: r.id },
    );
    expect(
      (
        await call(
          transitionCaseRoute.POST,
          "POST",
          `/api/cases/${c.id}/transition`,
          legal,
          { to: "referred" },
          { id: c.id },
        )
      ).status,
    ).toBe(200);
    const added = await call(
      caseReferralsRoute.POST,
      "POST",
      `/api/cases/${c.id}/referrals`,
      otherLegal,
      { destination: "uk_nca_sar" },
      { id: c.id },
    );
    expect(added.status).toBe(201);
  });

  it("GET /api/referrals filters by destination and status and puts overdue ones first", async () => {
    const c = await openCase();
    const later = await draft(c.id, { destination: "uk_ofsi", deadlineAt: "2099-01-01" });
    const undated = await draft(c.id, { destination: "uk_ofsi" });
    const overdue = await draft(c.id, { destination: "uk_ofsi", deadlineAt: "2021-01-01" });
    const sooner = await draft(c.id, { destination: "uk_ofsi", deadlineAt: "2098-01-01" });
    await draft(c.id, { destination: "uk_ncsc", deadlineAt: "2020-01-01" });
    const declined = await draft(c.id, { destination: "uk_ofsi", deadlineAt: "2020-06-01" });
    await call(
      transitionRoute.POST,
      "POST",
      `/api/referrals/${declined.id}/transition`,
      legal,
      { to: "declined" },
      { id: declined.id },
    );

    const res = await call(
      referralsRoute.GET,
      "GET",
      `/api/referrals?destination=uk_ofsi&status=draft&caseId=${c.id}`,
      legal,
    );
    const items = res.body.items as { id: string; overdue: boolean }[];
    expect(items.map((i) => i.id)).toEqual([overdue.id, sooner.id, later.id, undated.id]);
    expect(items.map((i) => i.overdue)).toEqual([true, false, false, false]);
    const both = await call(
      referralsRoute.GET,
      "GET",
      `/api/referrals?destination=uk_ofsi,uk_ncsc&caseId=${c.id}`,
      legal,
    );
    expect(both.body.total).toBe(6);
    expect((await call(referralsRoute.GET, "GET", `/api/referrals?caseId=${c.id}`, outsider)).body.total).toBe(0);
    expect((await call(referralsRoute.GET, "GET", "/api/referrals?destination=interpol", legal)).status).toBe(400);
    expect((await call(referralsRoute.GET, "GET", "/api/referrals?status=pending", legal)).status).toBe(400);
  });
});
