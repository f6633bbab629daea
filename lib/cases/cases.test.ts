import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { createCase } from "./create-case";
import { getCase } from "./get-case";
import { updateCase } from "./update-case";
import { listCases } from "./list-cases";
import { caseTemplates } from "./templates";

let investigator: Actor;
let manager: Actor;
let legal: Actor;

beforeAll(async () => {
  [investigator, manager, legal] = await Promise.all([
    makeActor("investigator", "Ivy Investigator"),
    makeActor("manager"),
    makeActor("legal"),
  ]);
});

describe("createCase", () => {
  it("opens a triage case led by its creator, with defaults", async () => {
    const c = await createCase({ actor: investigator, input: { title: "  Duplicate face in two hires  " } });
    expect(c).toMatchObject({
      title: "Duplicate face in two hires",
      summary: "",
      status: "triage",
      severity: "medium",
      tags: [],
      dueDate: null,
      overdue: false,
      version: 1,
      members: [],
      lead: { id: investigator.id, name: "Ivy Investigator", email: investigator.email },
      permissions: { update: true, transition: true, manageMembers: true, addNote: true },
    });
    expect(await getCase({ actor: investigator, caseId: c.id })).toEqual(c);
  });

  it("stores the subject, tags (lower-cased, once each) and due date", async () => {
    const c = await createCase({
      actor: investigator,
      input: {
        title: "Subject details",
        subject: {
          name: "Sam Doe",
          role: "Frontend engineer",
          team: "Web",
          hiringChannel: "Agency",
          startDate: "2026-01-05",
          accessLevel: "prod",
          location: "Remote",
        },
        tags: ["Laptop-Farm", "laptop-farm", "VPN"],
        dueDate: "2099-12-31",
      },
    });
    expect(c.subject).toEqual({
      name: "Sam Doe",
      role: "Frontend engineer",
      team: "Web",
      hiringChannel: "Agency",
      startDate: "2026-01-05",
      accessLevel: "prod",
      location: "Remote",
      hiredOn: null,
      deviceShippedOn: null,
      firstSignInAt: null,
      terminatedOn: null,
    });
    expect(c).toMatchObject({ subjectName: "Sam Doe", tags: ["laptop-farm", "vpn"], dueDate: "2099-12-31" });
  });

  it("with the fake-remote-worker template adds its tags and severity", async () => {
    const template = caseTemplates["fake-remote-worker"];
    const own = uniqueWord("tpl");
    const c = await createCase({
      actor: investigator,
      input: { title: "From template", template: "fake-remote-worker", tags: [own, "insider-risk"] },
    });
    expect([...c.tags].sort()).toEqual([...(template?.tags ?? []), own].sort());
    expect(c.severity).toBe(template?.severity);
    expect(c.tags).toContain("fake-remote-worker");
    const listed = await listCases({ actor: investigator, query: { tag: own } });
    expect(listed.items.map((i) => i.tags.includes("fake-remote-worker"))).toEqual([true]);
  });

  it("an explicit severity wins over the template's", async () => {
    const c = await createCase({
      actor: investigator,
      input: { title: "Template, low", template: "fake-remote-worker", severity: "low" },
    });
    expect(c.severity).toBe("low");
  });

  it("refuses unknown templates, fields and bad values", async () => {
    const tag = uniqueWord("bad");
    const bad = [
      { title: "", tags: [tag] },
      { title: "x", tags: [tag], severity: "urgent" },
      { title: "x", tags: [tag], dueDate: "31/12/2026" },
      { title: "x", tags: [tag], template: "nope" },
      { title: "x", tags: [tag], status: "closed" },
      { title: "x".repeat(201), tags: [tag] },
    ];
    for (const input of bad) {
      await expect(
        createCase({ actor: investigator, input: input as never }),
        JSON.stringify(input).slice(0, 80),
      ).rejects.toMatchObject({
        code: "bad_request",
        details: expect.arrayContaining([
          expect.objectContaining({ path: expect.any(String), message: expect.any(String) }),
        ]),
      });
    }
    expect((await listCases({ actor: investigator, query: { tag } })).total).toBe(0);
  });

  it("is for investigators and admins only", async () => {
    for (const actor of [manager, legal]) {
      await expect(createCase({ actor, input: { title: "Not mine to open" } })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
  });
});

describe("updateCase", () => {
  it("saves edits, bumps the version and can clear the due date", async () => {
    const c = await makeCase(investigator, { dueDate: "2099-01-01" });
    const updated = await updateCase({
      actor: investigator,
      caseId: c.id,
      input: {
        version: c.version,
        summary: "Payroll goes to a third-party account",
        severity: "high",
        tags: ["payroll"],
        dueDate: null,
      },
    });
    expect(updated).toMatchObject({
      summary: "Payroll goes to a third-party account",
      severity: "high",
      tags: ["payroll"],
      dueDate: null,
      version: 2,
    });
    expect(await getCase({ actor: investigator, caseId: c.id })).toEqual(updated);
  });

  it("needs a version and refuses unknown fields", async () => {
    const c = await makeCase(investigator);
    await expect(
      updateCase({ actor: investigator, caseId: c.id, input: { title: "no version" } as never }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      updateCase({ actor: investigator, caseId: c.id, input: { version: c.version, status: "closed" } as never }),
    ).rejects.toMatchObject({
      code: "bad_request",
    });
    expect(await getCase({ actor: investigator, caseId: c.id })).toMatchObject({
      status: "triage",
      version: c.version,
    });
  });
});
