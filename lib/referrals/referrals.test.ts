import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { AppError } from "@/lib/errors";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { createReferral } from "./create-referral";
import { getReferral } from "./get-referral";
import { listCaseReferrals } from "./list-case-referrals";
import { updateReferral } from "./update-referral";
import { transitionReferral } from "./transition-referral";

let lead: Actor;
let legal: Actor;

beforeAll(async () => {
  [lead, legal] = await Promise.all([makeActor("investigator"), makeActor("legal", "Lou Legal")]);
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function legalCase() {
  const c = await makeCase(lead);
  await addMember({ actor: lead, caseId: c.id, input: { userId: legal.id, role: "legal" } });
  return c;
}

const referralCount = async (caseId: string) =>
  Number((await db.select({ n: count() }).from(referrals).where(eq(referrals.caseId, caseId)))[0]?.n ?? 0);
const auditCount = async (entityId: string) =>
  Number((await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, entityId)))[0]?.n ?? 0);

describe("referrals", () => {
  it("drafts a referral with its case, label and permissions, and audits it", async () => {
    const c = await legalCase();
    const r = await createReferral({
      actor: legal,
      caseId: c.id,
      input: { destination: "fbi_ic3", contact: "ic3.gov", notes: "Narrative\nand identifiers" },
    });
    expect(r).toMatchObject({
      case: { id: c.id, ref: c.ref },
      destination: "fbi_ic3",
      destinationLabel: "FBI IC3",
      status: "draft",
      referenceNo: null,
      notes: "Narrative\nand identifiers",
      createdBy: { id: legal.id, name: "Lou Legal" },
      disclosureCount: 0,
      allowedTransitions: ["submitted", "declined"],
      permissions: { manage: true },
    });
    expect(await auditCount(r.id)).toBe(1);
    expect(await getReferral({ actor: legal, referralId: r.id })).toEqual(r);
    expect((await listCaseReferrals({ actor: legal, caseId: c.id })).items.map((i) => i.id)).toEqual([r.id]);
  });

  it.each([
    ["an unknown destination", { destination: "interpol" }, "destination"],
    ["`other` without a name", { destination: "other" }, "destinationName"],
    ["notes with a NUL character", { destination: "fbi_ic3", notes: "ok\u0000not ok" }, "notes"],
    ["a deadline that does not parse", { destination: "fbi_ic3", deadlineAt: "31/12/2026" }, "deadlineAt"],
    ["blockedAt on a non-OFAC referral", { destination: "fbi_ic3", blockedAt: "2026-03-06" }, "blockedAt"],
    ["a reference number with a line break", { destination: "fbi_ic3", referenceNo: "ABC\n123" }, "referenceNo"],
  ])("refuses %s with 400 and writes nothing", async (_label, input, path) => {
    const c = await legalCase();
    const error = await errorOf(createReferral({ actor: legal, caseId: c.id, input: input as never }));
    expect(error.code).toBe("bad_request");
    expect(JSON.stringify(error.details)).toContain(path);
    expect(await referralCount(c.id)).toBe(0);
  });

  it("names an `other` destination", async () => {
    const c = await legalCase();
    const r = await createReferral({
      actor: legal,
      caseId: c.id,
      input: { destination: "other", destinationName: "Europol EC3" },
    });
    expect(r).toMatchObject({ destination: "other", destinationLabel: "Europol EC3" });
    await expect(
      updateReferral({ actor: legal, referralId: r.id, input: { destinationName: null } }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("OFAC: a blocking date gives a deadline 10 US business days later; an explicit deadline wins", async () => {
    const c = await legalCase();
    const blocked = await createReferral({
      actor: legal,
      caseId: c.id,
      input: { destination: "ofac_vsd", blockedAt: "2026-03-06" },
    });
    expect(blocked.deadlineAt).toBe("2026-03-20T23:59:59.999Z");
    const explicit = await createReferral({
      actor: legal,
      caseId: c.id,
      input: { destination: "ofac_vsd", blockedAt: "2026-03-06", deadlineAt: "2026-03-13" },
    });
    expect(explicit.deadlineAt).toBe("2026-03-13T23:59:59.999Z");
  });

  it("OFAC: submitting without a deadline sets it from the submitted date, over the weekend", async () => {
    const c = await legalCase();
    const r = await createReferral({ actor: legal, caseId: c.id, input: { destination: "ofac_vsd" } });
    expect(r.deadlineAt).toBeNull();
    const submitted = await transitionReferral({
      actor: legal,
      referralId: r.id,
      input: { to: "submitted", referenceNo: "OFAC-VSD-2026-17", date: "2026-03-06" },
    });
    expect(submitted).toMatchObject({
      status: "submitted",
      submittedAt: "2026-03-06T00:00:00.000Z",
      deadlineAt: "2026-03-20T23:59:59.999Z",
    });
  });

  it("submitted without a reference number is 400, and nothing changes", async () => {
    const c = await legalCase();
    const r = await createReferral({ actor: legal, caseId: c.id, input: { destination: "uk_nca_sar" } });
    const error = await errorOf(transitionReferral({ actor: legal, referralId: r.id, input: { to: "submitted" } }));
    expect(error).toMatchObject({
      code: "bad_request",
      details: [{ path: "referenceNo", message: "Submitting needs the agency's reference number" }],
    });
    expect(await getReferral({ actor: legal, referralId: r.id })).toMatchObject({ status: "draft", submittedAt: null });
    expect(await auditCount(r.id)).toBe(1);
  });

  it.each([
    ["a reference number with control characters", { to: "submitted", referenceNo: "SAR-1\u001b[31m" }, "referenceNo"],
    ["a date that does not parse", { to: "submitted", referenceNo: "SAR-1", date: "yesterday" }, "date"],
    ["a date in the future", { to: "submitted", referenceNo: "SAR-1", date: "2099-01-01" }, "date"],
    ["an unknown status", { to: "escalated", referenceNo: "SAR-1" }, "to"],
  ])("refuses %s with 400, writing nothing", async (_label, input, path) => {
    const c = await legalCase();
    const r = await createReferral({ actor: legal, caseId: c.id, input: { destination: "uk_nca_sar" } });
    const error = await errorOf(transitionReferral({ actor: legal, referralId: r.id, input: input as never }));
    expect(error.code).toBe("bad_request");
    expect(JSON.stringify(error.details)).toContain(path);
    expect(await getReferral({ actor: legal, referralId: r.id })).toMatchObject({ status: "draft", referenceNo: null });
    expect(await auditCount(r.id)).toBe(1);
  });

  it("walks draft → submitted → acknowledged → closed, stamping each date, and refuses other moves with 409", async () => {
    const c = await legalCase();
    const r = await createReferral({ actor: legal, caseId: c.id, input: { destination: "fbi_field_office" } });
    await expect(
      transitionReferral({ actor: legal, referralId: r.id, input: { to: "acknowledged" } }),
    ).rejects.toMatchObject({
      code: "conflict",
      details: { from: "draft", allowed: ["submitted", "declined"] },
    });
    const s = await transitionReferral({
      actor: legal,
      referralId: r.id,
      input: { to: "submitted", referenceNo: "  FO-2026-88  ", date: "2026-03-02T10:00:00Z" },
    });
    expect(s).toMatchObject({
      status: "submitted",
      referenceNo: "FO-2026-88",
      submittedAt: "2026-03-02T10:00:00.000Z",
      deadlineAt: null,
    });
    await expect(
      transitionReferral({ actor: legal, referralId: r.id, input: { to: "acknowledged", date: "2026-03-01" } }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const a = await transitionReferral({
      actor: legal,
      referralId: r.id,
      input: { to: "acknowledged", date: "2026-03-04" },
    });
    expect(a).toMatchObject({
      status: "acknowledged",
      acknowledgedAt: "2026-03-04T00:00:00.000Z",
      allowedTransitions: ["closed", "declined"],
    });
    const closed = await transitionReferral({ actor: legal, referralId: r.id, input: { to: "closed" } });
    expect(closed).toMatchObject({ status: "closed", allowedTransitions: [] });
    expect(closed.closedAt).not.toBeNull();
    await expect(
      transitionReferral({ actor: legal, referralId: r.id, input: { to: "declined" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    const moves = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, r.id), eq(auditEvents.action, "referral.transition")))
      .orderBy(asc(auditEvents.seq));
    expect(moves.map((m) => m.detail.to)).toEqual(["submitted", "acknowledged", "closed"]);
  });

  it("keeps the destination and reference number once submitted", async () => {
    const c = await legalCase();
    const r = await createReferral({ actor: legal, caseId: c.id, input: { destination: "fincen_sar" } });
    await expect(
      updateReferral({ actor: legal, referralId: r.id, input: { destination: "uk_nca_sar" } }),
    ).resolves.toMatchObject({ destination: "uk_nca_sar" });
    await transitionReferral({ actor: legal, referralId: r.id, input: { to: "submitted", referenceNo: "NCA-1" } });
    await expect(
      updateReferral({ actor: legal, referralId: r.id, input: { destination: "fincen_sar" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      updateReferral({ actor: legal, referralId: r.id, input: { referenceNo: null } }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const edited = await updateReferral({
      actor: legal,
      referralId: r.id,
      input: { contact: "SAR team, desk 4", deadlineAt: "2026-12-31" },
    });
    expect(edited).toMatchObject({
      contact: "SAR team, desk 4",
      deadlineAt: "2026-12-31T23:59:59.999Z",
      referenceNo: "NCA-1",
    });
  });
});
