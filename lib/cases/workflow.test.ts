import { beforeAll, describe, expect, it } from "vitest";
import { type CaseStatus, caseStatuses } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { makeCase, walkCase } from "@/lib/testing/cases";
import { fileReferral } from "@/lib/testing/referrals";
import { makeActor } from "@/lib/testing/factories";
import { getCase } from "./get-case";
import { transitionCase } from "./transition-case";

let lead: Actor;

beforeAll(async () => {
  lead = await makeActor("investigator");
});

/** A fresh case already in `status`, reached by legal moves only. */
async function caseIn(status: CaseStatus) {
  const path: Record<CaseStatus, CaseStatus[]> = {
    triage: [],
    investigating: ["investigating"],
    contained: ["investigating", "contained"],
    referred: ["investigating", "contained", "referred"],
    closed: ["investigating", "contained", "closed"],
    cleared: ["cleared"],
  };
  const c = await makeCase(lead);
  return path[status].length ? walkCase(lead, c.id, path[status]) : c;
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const legalMoves: [CaseStatus, CaseStatus][] = [
  ["triage", "investigating"],
  ["triage", "cleared"],
  ["investigating", "contained"],
  ["investigating", "cleared"],
  ["contained", "referred"],
  ["contained", "closed"],
  ["contained", "cleared"],
  ["referred", "closed"],
  ["referred", "cleared"],
  ["closed", "investigating"],
  ["cleared", "investigating"],
];
const illegalMoves = caseStatuses.flatMap((from) =>
  caseStatuses
    .filter((to) => !legalMoves.some(([f, t]) => f === from && t === to))
    .map((to): [CaseStatus, CaseStatus] => [from, to]),
);

describe("case workflow", () => {
  it("walks triage → investigating → contained → referred → closed, stamping contained and closed times", async () => {
    const c = await makeCase(lead);
    expect(c).toMatchObject({
      status: "triage",
      containedAt: null,
      closedAt: null,
      allowedTransitions: ["investigating", "cleared"],
    });
    const investigating = await transitionCase({ actor: lead, caseId: c.id, input: { to: "investigating" } });
    expect(investigating).toMatchObject({ status: "investigating", version: c.version + 1, containedAt: null });
    const contained = await transitionCase({ actor: lead, caseId: c.id, input: { to: "contained" } });
    expect(contained.containedAt).not.toBeNull();
    await fileReferral(c.id);
    const referred = await transitionCase({ actor: lead, caseId: c.id, input: { to: "referred" } });
    expect(referred).toMatchObject({ status: "referred", containedAt: contained.containedAt, closedAt: null });
    const closed = await transitionCase({
      actor: lead,
      caseId: c.id,
      input: { to: "closed", reason: "  Handed to law enforcement  " },
    });
    expect(closed).toMatchObject({
      status: "closed",
      closingReason: "Handed to law enforcement",
      allowedTransitions: ["investigating"],
    });
    expect(closed.closedAt).not.toBeNull();
    expect(await getCase({ actor: lead, caseId: c.id })).toMatchObject({
      status: "closed",
      closedAt: closed.closedAt,
      version: c.version + 4,
    });
  });

  it.each(legalMoves)("allows %s → %s", async (from, to) => {
    const c = await caseIn(from);
    if (to === "referred") await fileReferral(c.id);
    const moved = await transitionCase({
      actor: lead,
      caseId: c.id,
      input: { to, reason: "because the evidence says so" },
    });
    expect(moved.status).toBe(to);
  });

  it.each(["triage", "investigating", "contained", "referred"] as const)(
    "clears a case from %s with a reason, and records it as final",
    async (from) => {
      const c = await caseIn(from);
      const cleared = await transitionCase({
        actor: lead,
        caseId: c.id,
        input: { to: "cleared", reason: "False alarm: real person" },
      });
      expect(cleared).toMatchObject({ status: "cleared", closingReason: "False alarm: real person", overdue: false });
      expect(cleared.closedAt).not.toBeNull();
    },
  );

  it.each(illegalMoves)("refuses %s → %s with conflict listing the allowed moves", async (from, to) => {
    const c = await caseIn(from);
    const error = await errorOf(transitionCase({ actor: lead, caseId: c.id, input: { to, reason: "try anyway" } }));
    expect(error.code).toBe("conflict");
    expect(error.status).toBe(409);
    const allowed = legalMoves.filter(([f]) => f === from).map(([, t]) => t);
    expect(error.details).toEqual({ from, allowed });
    expect((await getCase({ actor: lead, caseId: c.id })).status).toBe(from);
  });

  it.each([
    ["contained", "closed", undefined],
    ["referred", "closed", "   "],
    ["triage", "cleared", undefined],
    ["closed", "investigating", undefined],
    ["cleared", "investigating", " "],
  ] as const)("needs a reason for %s → %s (reason %j): bad_request, nothing changes", async (from, to, reason) => {
    const c = await caseIn(from);
    const error = await errorOf(transitionCase({ actor: lead, caseId: c.id, input: { to, reason } }));
    expect(error).toMatchObject({ code: "bad_request", status: 400 });
    expect(error.details).toEqual([{ path: "reason", message: expect.any(String) }]);
    expect(await getCase({ actor: lead, caseId: c.id })).toMatchObject({
      status: from,
      version: c.version,
      closedAt: c.closedAt,
    });
  });

  it("reopens a closed case with a reason, clearing closedAt but keeping containedAt", async () => {
    const c = await caseIn("closed");
    expect(c.closedAt).not.toBeNull();
    const reopened = await transitionCase({
      actor: lead,
      caseId: c.id,
      input: { to: "investigating", reason: "New payroll evidence" },
    });
    expect(reopened).toMatchObject({
      status: "investigating",
      closedAt: null,
      closingReason: null,
      containedAt: c.containedAt,
    });
    // Containing it a second time keeps the first containment time.
    const again = await transitionCase({ actor: lead, caseId: c.id, input: { to: "contained" } });
    expect(again.containedAt).toBe(c.containedAt);
  });

  it("refuses a transition based on a stale version", async () => {
    const c = await caseIn("triage");
    await transitionCase({ actor: lead, caseId: c.id, input: { to: "investigating", version: c.version } });
    const error = await errorOf(
      transitionCase({ actor: lead, caseId: c.id, input: { to: "cleared", reason: "x", version: c.version } }),
    );
    expect(error.code).toBe("conflict");
    expect(error.details).toMatchObject({ current: { status: "investigating", version: c.version + 1 } });
  });
});
