import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents, caseAccessRequests, caseMembers } from "@/db/schema";
import { addMember } from "@/lib/cases/add-member";
import { ACCESS_REQUEST_ANSWER } from "@/lib/cases/constants";
import { createReferral } from "@/lib/referrals/create-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { disableUser } from "@/lib/testing/factories";
import { call, type Who, who } from "@/lib/testing/routes";
import * as caseRoute from "./[id]/route";
import * as accessRequestRoute from "./[id]/access-requests/[requestId]/route";
import * as accessRequestsRoute from "./[id]/access-requests/route";
import * as legalReviewRoute from "./[id]/legal-review/route";
import * as queueRoute from "../referrals/queue/route";
import * as referableRoute from "../referrals/referable-cases/route";

vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let member: Who;
let outsider: Who;
let manager: Who;
let lawyer: Who;
let otherLawyer: Who;
let admin: Who;

beforeAll(async () => {
  [lead, member, outsider, manager, lawyer, otherLawyer, admin] = await Promise.all([
    who("investigator", "Lead"),
    who("investigator", "Member"),
    who("investigator", "Outsider"),
    who("manager"),
    who("legal", "Lawyer"),
    who("legal", "Other Lawyer"),
    who("admin"),
  ]);
});

async function openCase() {
  const c = await makeCase(lead.actor, { title: `Legal access ${uniqueWord()}` });
  await addMember({ actor: lead.actor, caseId: c.id, input: { userId: member.actor.id } });
  return c;
}

const askLegal = (caseId: string, caller: Who, body: Record<string, unknown>) =>
  call(legalReviewRoute.POST, "POST", `/api/cases/${caseId}/legal-review`, caller, body, { id: caseId });
const queue = async (caller: Who) => {
  const res = await call(queueRoute.GET, "GET", "/api/referrals/queue", caller);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { id: string; draftReferrals: number; requestedBy: string | null }[]).map((i) => i.id);
};
const referable = (caller: Who, q = "") =>
  call(referableRoute.GET, "GET", `/api/referrals/referable-cases${q ? `?q=${encodeURIComponent(q)}` : ""}`, caller);
const askAccess = (caseId: string, caller: Who, body: Record<string, unknown> = {}) =>
  call(accessRequestsRoute.POST, "POST", `/api/cases/${caseId}/access-requests`, caller, body, { id: caseId });
const pending = (caseId: string, caller: Who) =>
  call(accessRequestsRoute.GET, "GET", `/api/cases/${caseId}/access-requests`, caller, undefined, { id: caseId });
const decide = (caseId: string, requestId: string, caller: Who, body: Record<string, unknown>) =>
  call(accessRequestRoute.PATCH, "PATCH", `/api/cases/${caseId}/access-requests/${requestId}`, caller, body, {
    id: caseId,
    requestId,
  });
const readCase = (caseId: string, caller: Who) =>
  call(caseRoute.GET, "GET", `/api/cases/${caseId}`, caller, undefined, { id: caseId });
const requestsOf = (caseId: string) =>
  db.select().from(caseAccessRequests).where(eq(caseAccessRequests.caseId, caseId));
const auditOf = async (caseId: string, action: string) =>
  (
    await db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, action)))
  ).map((e) => e.detail);

describe("request legal review", () => {
  it("adds the chosen lawyer as a legal member, records the request and audits it", async () => {
    const c = await openCase();
    expect((await readCase(c.id, lawyer)).status).toBe(404);
    const res = await askLegal(c.id, lead, { userId: lawyer.actor.id, message: "Ready for IC3" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.members).toEqual([expect.objectContaining({ id: lawyer.actor.id, role: "legal" })]);
    expect((await readCase(c.id, lawyer)).status).toBe(200);
    expect((await readCase(c.id, otherLawyer)).status).toBe(404);
    const rows = await requestsOf(c.id);
    expect(rows).toEqual([
      expect.objectContaining({
        kind: "legal_review",
        userId: lawyer.actor.id,
        requestedById: lead.actor.id,
        message: "Ready for IC3",
        status: "granted",
      }),
    ]);
    expect(await auditOf(c.id, "case.legal_review_request")).toEqual([
      expect.objectContaining({ to: "user", userIds: [lawyer.actor.id] }),
    ]);
    expect(await auditOf(c.id, "case.member_add")).toContainEqual(
      expect.objectContaining({ userId: lawyer.actor.id, role: "legal", reason: "legal_review" }),
    );
  });

  it("asks the whole legal team: every active legal user joins, a disabled one does not", async () => {
    const c = await openCase();
    const gone = await who("legal", "Gone Lawyer");
    await disableUser(gone.actor.id);
    const res = await askLegal(c.id, admin, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const members = await db.select().from(caseMembers).where(eq(caseMembers.caseId, c.id));
    const ids = members.map((m) => m.userId);
    expect(ids).toEqual(expect.arrayContaining([lawyer.actor.id, otherLawyer.actor.id]));
    expect(ids).not.toContain(gone.actor.id);
    expect(members.filter((m) => m.userId !== member.actor.id).every((m) => m.role === "legal")).toBe(true);
  });

  it("lets only the lead and admins ask; others are refused and nothing changes", async () => {
    const c = await openCase();
    await addMember({ actor: lead.actor, caseId: c.id, input: { userId: otherLawyer.actor.id, role: "legal" } });
    for (const [caller, status] of [
      [member, 403],
      [otherLawyer, 403],
      [manager, 403],
      [outsider, 404],
    ] as const) {
      const res = await askLegal(c.id, caller, { userId: lawyer.actor.id });
      expect(res.status, `${caller.actor.name}: ${JSON.stringify(res.body)}`).toBe(status);
    }
    expect(await requestsOf(c.id)).toEqual([]);
    expect((await readCase(c.id, lawyer)).status).toBe(404);
  });

  it("refuses a user who is not an active lawyer, with a field error", async () => {
    const c = await openCase();
    for (const userId of [outsider.actor.id, randomUUID()]) {
      const res = await askLegal(c.id, lead, { userId });
      expect(res.status).toBe(400);
      expect(res.body.error?.details).toEqual([expect.objectContaining({ path: "userId" })]);
    }
    expect((await askLegal(c.id, lead, { userId: "nope" })).status).toBe(400);
    expect(await requestsOf(c.id)).toEqual([]);
  });
});

describe("legal's queue", () => {
  it("lists cases awaiting referral work that the lawyer may see, until a referral leaves draft", async () => {
    const asked = await openCase();
    const notAsked = await openCase();
    const askedOfOther = await openCase();
    await addMember({ actor: lead.actor, caseId: notAsked.id, input: { userId: lawyer.actor.id, role: "legal" } });
    await askLegal(asked.id, lead, { userId: lawyer.actor.id });
    await askLegal(askedOfOther.id, lead, { userId: otherLawyer.actor.id });

    const mine = await queue(lawyer);
    expect(mine).toContain(asked.id);
    expect(mine).not.toContain(notAsked.id);
    expect(mine).not.toContain(askedOfOther.id);
    expect(await queue(otherLawyer)).toContain(askedOfOther.id);
    expect(await queue(admin)).toEqual(expect.arrayContaining([asked.id, askedOfOther.id]));

    // A draft keeps the case on the queue; once submitted the work has left legal's hands.
    const draft = await createReferral({ actor: lawyer.actor, caseId: asked.id, input: { destination: "fbi_ic3" } });
    const res = await call(queueRoute.GET, "GET", "/api/referrals/queue", lawyer);
    expect(res.body.items).toContainEqual(
      expect.objectContaining({ id: asked.id, draftReferrals: 1, requestedBy: "Lead" }),
    );
    await transitionReferral({
      actor: lawyer.actor,
      referralId: draft.id,
      input: { to: "submitted", referenceNo: "IC3-1" },
    });
    expect(await queue(lawyer)).not.toContain(asked.id);
  });

  it("drops a case once the lawyer is no longer on it, and is closed to other roles", async () => {
    const c = await openCase();
    await askLegal(c.id, lead, { userId: lawyer.actor.id });
    await addMember({ actor: lead.actor, caseId: c.id, input: { userId: lawyer.actor.id, role: "observer" } });
    expect(await queue(lawyer)).not.toContain(c.id);
    for (const caller of [lead, manager]) {
      expect((await call(queueRoute.GET, "GET", "/api/referrals/queue", caller)).status).toBe(403);
    }
  });
});

describe("the new-referral case picker", () => {
  it("lists only the cases the user sees and may draft referrals on", async () => {
    const word = uniqueWord("pick");
    const mine = await makeCase(lead.actor, { title: `Picker ${word} mine` });
    const observed = await makeCase(lead.actor, { title: `Picker ${word} observed` });
    const hidden = await makeCase(lead.actor, { title: `Picker ${word} hidden` });
    await addMember({ actor: lead.actor, caseId: mine.id, input: { userId: lawyer.actor.id, role: "legal" } });
    await addMember({ actor: lead.actor, caseId: observed.id, input: { userId: lawyer.actor.id, role: "observer" } });

    const res = await referable(lawyer, word);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((res.body.items as { id: string }[]).map((i) => i.id)).toEqual([mine.id]);
    expect(((await referable(lawyer, mine.ref)).body.items as { id: string }[]).map((i) => i.id)).toEqual([mine.id]);
    expect(((await referable(admin, word)).body.items as unknown[]).length).toBe(3);
    expect(((await referable(otherLawyer, word)).body.items as unknown[]).length).toBe(0);
    expect(hidden.id).toBeTruthy();
    for (const caller of [lead, manager]) expect((await referable(caller, word)).status).toBe(403);
  });
});

describe("request access from a 404", () => {
  it("answers an existing hidden case exactly as a missing one, and records only the former", async () => {
    const c = await openCase();
    const ghost = randomUUID();
    const real = await askAccess(c.id, outsider, { message: "I work the payroll side" });
    const missing = await askAccess(ghost, outsider, { message: "I work the payroll side" });
    expect(real).toEqual(missing);
    expect(real).toEqual({ status: 202, body: { message: ACCESS_REQUEST_ANSWER } });
    expect(await requestsOf(ghost)).toEqual([]);
    expect(await requestsOf(c.id)).toEqual([
      expect.objectContaining({ kind: "access", userId: outsider.actor.id, status: "pending" }),
    ]);
    expect(await auditOf(c.id, "case.access_request")).toHaveLength(1);
    // Someone who already sees the case gets the same answer, and nothing is recorded.
    expect(await askAccess(c.id, member)).toEqual(real);
    expect((await requestsOf(c.id)).length).toBe(1);
  });

  it("keeps one request per user and case: asking again changes nothing", async () => {
    const c = await openCase();
    for (let i = 0; i < 3; i++) expect((await askAccess(c.id, outsider)).status).toBe(202);
    expect((await requestsOf(c.id)).length).toBe(1);
    expect(((await pending(c.id, lead)).body.items as unknown[]).length).toBe(1);
  });

  it("the lead grants: the requester becomes a member and sees the case, audited", async () => {
    const c = await openCase();
    await askAccess(c.id, outsider, { message: "Please" });
    const list = await pending(c.id, lead);
    expect(list.status).toBe(200);
    const items = list.body.items as { id: string; user: { id: string }; message: string }[];
    expect(items).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: outsider.actor.id }) })]);
    const res = await decide(c.id, items[0]!.id, lead, { decision: "grant" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "granted", decidedBy: { id: lead.actor.id } });
    expect((await readCase(c.id, outsider)).status).toBe(200);
    expect((await readCase(c.id, outsider)).body.members).toContainEqual(
      expect.objectContaining({ id: outsider.actor.id, role: "investigator" }),
    );
    expect(await auditOf(c.id, "case.access_grant")).toEqual([
      expect.objectContaining({ requestId: items[0]!.id, userId: outsider.actor.id, role: "investigator" }),
    ]);
    expect(((await pending(c.id, lead)).body.items as unknown[]).length).toBe(0);
    expect((await decide(c.id, items[0]!.id, lead, { decision: "refuse" })).status).toBe(409);
  });

  it("the lead refuses: the requester still cannot see the case, and may not ask again at once", async () => {
    const c = await openCase();
    await askAccess(c.id, outsider);
    const [request] = await requestsOf(c.id);
    const res = await decide(c.id, request!.id, lead, { decision: "refuse" });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("refused");
    expect((await readCase(c.id, outsider)).status).toBe(404);
    expect(await auditOf(c.id, "case.access_refuse")).toHaveLength(1);
    expect((await askAccess(c.id, outsider)).status).toBe(202);
    expect((await requestsOf(c.id)).length).toBe(1);
  });

  it("only the lead or an admin sees and decides requests", async () => {
    const c = await openCase();
    await askAccess(c.id, outsider);
    const [request] = await requestsOf(c.id);
    for (const [caller, status] of [
      [member, 403],
      [manager, 403],
      [outsider, 404],
      [lawyer, 404],
    ] as const) {
      expect((await pending(c.id, caller)).status, caller.actor.name).toBe(status);
      expect((await decide(c.id, request!.id, caller, { decision: "grant" })).status, caller.actor.name).toBe(status);
    }
    expect((await readCase(c.id, outsider)).status).toBe(404);
    expect((await decide(c.id, randomUUID(), lead, { decision: "grant" })).status).toBe(404);
    expect((await decide(c.id, request!.id, lead, { decision: "maybe" })).status).toBe(400);
    expect((await decide(c.id, request!.id, admin, { decision: "grant" })).status).toBe(200);
  });
});
