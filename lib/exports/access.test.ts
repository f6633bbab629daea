import "@/lib/testing/evidence";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import type { AppError } from "@/lib/errors";
import { makeCase, walkCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { createExport } from "./create-export";
import { exportPermissions } from "./export-permissions";
import { getExport } from "./get-export";
import { listExports } from "./list-exports";
import { buildsIdle } from "./build-job";

let lead: Actor;
let member: Actor;
let outsider: Actor;
let manager: Actor;
let legal: Actor;
let legalMember: Actor;
let admin: Actor;
let caseId: string;
let referredId: string;
let exportId: string;

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e as AppError).code,
  );

beforeAll(async () => {
  [lead, member, outsider, manager, legal, legalMember, admin] = await Promise.all([
    makeActor("investigator", "Lead"),
    makeActor("investigator", "Member"),
    makeActor("investigator", "Outsider"),
    makeActor("manager"),
    makeActor("legal"),
    makeActor("legal", "Legal member"),
    makeActor("admin"),
  ]);
  caseId = (await makeCase(lead)).id;
  await addMember({ actor: lead, caseId, input: { userId: member.id, role: "investigator" } });
  await addMember({ actor: lead, caseId, input: { userId: legalMember.id, role: "legal" } });
  referredId = (await makeCase(lead)).id;
  await walkCase(lead, referredId, ["investigating", "contained", "referred"]);
  exportId = (await createExport({ actor: lead, caseId })).id;
  await buildsIdle();
});

afterAll(() => buildsIdle());

describe("who may export", () => {
  it("lets the lead, legal and admins export; others who see the case get 403, those who do not 404", async () => {
    const tries = async (actor: Actor, id = caseId) => outcome(createExport({ actor, caseId: id }));
    expect(await tries(lead)).toBe("ok");
    expect(await tries(admin)).toBe("ok");
    expect(await tries(legalMember)).toBe("ok");
    expect(await tries(member)).toBe("forbidden");
    expect(await tries(manager)).toBe("forbidden");
    expect(await tries(outsider)).toBe("not_found");
    // Legal sees (and so exports) a case it is not a member of only once it is referred.
    expect(await tries(legal)).toBe("not_found");
    expect(await tries(legal, referredId)).toBe("ok");
    await buildsIdle();
  });

  it("applies the same rules to reading an export", async () => {
    const reads = (actor: Actor) => outcome(getExport({ actor, exportId }));
    expect(await reads(lead)).toBe("ok");
    expect(await reads(admin)).toBe("ok");
    expect(await reads(legalMember)).toBe("ok");
    expect(await reads(member)).toBe("forbidden");
    expect(await reads(manager)).toBe("forbidden");
    expect(await reads(outsider)).toBe("not_found");
    expect(await reads(legal)).toBe("not_found");
  });

  it("tells the case page whether to offer the button", async () => {
    expect(await exportPermissions({ actor: lead, caseId })).toEqual({
      create: true,
      read: true,
      privilegedEvidenceIds: [],
    });
    expect(await exportPermissions({ actor: member, caseId })).toEqual({
      create: false,
      read: false,
      privilegedEvidenceIds: [],
    });
    expect(await outcome(exportPermissions({ actor: outsider, caseId }))).toBe("not_found");
  });

  it("lists only exports of cases whose packs the actor may read, newest first", async () => {
    const ids = async (actor: Actor) =>
      (await listExports({ actor, query: { caseId, pageSize: 100 } })).items.map((e) => e.id);
    const forLead = await ids(lead);
    expect(forLead).toContain(exportId);
    expect(forLead.at(-1)).toBe(exportId);
    expect(await ids(admin)).toEqual(forLead);
    expect(await ids(legalMember)).toEqual(forLead);
    for (const actor of [member, manager, outsider, legal]) expect(await ids(actor)).toEqual([]);
    const page = await listExports({ actor: lead, query: { caseId, pageSize: 1, page: 2 } });
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: forLead.length });
    expect(page.items[0]).toMatchObject({
      id: forLead[1],
      caseId,
      status: "done",
      createdBy: { id: expect.any(String) },
    });
  });
});
