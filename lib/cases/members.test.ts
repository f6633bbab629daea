import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { disableUser, makeActor } from "@/lib/testing/factories";
import { getCase } from "./get-case";
import { updateCase } from "./update-case";
import { addMember } from "./add-member";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";

let lead: Actor;
let admin: Actor;
let alice: Actor;
let bob: Actor;
let counsel: Actor;

beforeAll(async () => {
  [lead, admin, alice, bob, counsel] = await Promise.all([
    makeActor("investigator", "Lead"),
    makeActor("admin"),
    makeActor("investigator", "Alice"),
    makeActor("investigator", "Bob"),
    makeActor("legal", "Counsel"),
  ]);
});

describe("case members", () => {
  it("the lead adds members by id or email, and they are listed with their roles", async () => {
    const c = await makeCase(lead);
    const added = await addMember({ actor: lead, caseId: c.id, input: { userId: alice.id } });
    expect(added).toMatchObject({ id: alice.id, name: "Alice", email: alice.email, role: "investigator" });
    await addMember({ actor: lead, caseId: c.id, input: { email: counsel.email.toUpperCase(), role: "legal" } });

    const members = await listMembers({ actor: alice, caseId: c.id });
    expect(members.map((m) => [m.id, m.role])).toEqual([
      [alice.id, "investigator"],
      [counsel.id, "legal"],
    ]);
    expect((await getCase({ actor: counsel, caseId: c.id })).members).toHaveLength(2);
  });

  it("adding an existing member again changes their role", async () => {
    const c = await makeCase(lead);
    await addMember({ actor: lead, caseId: c.id, input: { userId: bob.id } });
    await addMember({ actor: lead, caseId: c.id, input: { userId: bob.id, role: "observer" } });
    expect((await listMembers({ actor: lead, caseId: c.id })).map((m) => [m.id, m.role])).toEqual([
      [bob.id, "observer"],
    ]);
    expect((await getCase({ actor: bob, caseId: c.id })).permissions.update).toBe(false);
  });

  it("refuses unknown, disabled and ambiguous users, and the lead themself", async () => {
    const c = await makeCase(lead);
    const gone = await makeActor("investigator");
    await disableUser(gone.id);
    const attempts = [
      [{ userId: randomUUID() }, "bad_request"],
      [{ email: "nobody-here@example.test" }, "bad_request"],
      [{ userId: gone.id }, "bad_request"],
      [{ userId: alice.id, email: alice.email }, "bad_request"],
      [{}, "bad_request"],
      [{ userId: alice.id, role: "owner" }, "bad_request"],
      [{ userId: lead.id }, "conflict"],
    ] as const;
    for (const [input, code] of attempts) {
      await expect(
        addMember({ actor: lead, caseId: c.id, input: input as never }),
        JSON.stringify(input),
      ).rejects.toMatchObject({ code });
    }
    expect(await listMembers({ actor: lead, caseId: c.id })).toEqual([]);
  });

  it("only the lead or an admin manages members; other members get forbidden", async () => {
    const c = await makeCase(lead);
    await addMember({ actor: lead, caseId: c.id, input: { userId: alice.id } });
    await expect(addMember({ actor: alice, caseId: c.id, input: { userId: bob.id } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(removeMember({ actor: alice, caseId: c.id, userId: alice.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await getCase({ actor: alice, caseId: c.id })).permissions.manageMembers).toBe(false);

    await addMember({ actor: admin, caseId: c.id, input: { userId: bob.id, role: "observer" } });
    await removeMember({ actor: admin, caseId: c.id, userId: alice.id });
    expect((await listMembers({ actor: lead, caseId: c.id })).map((m) => m.id)).toEqual([bob.id]);
    await expect(getCase({ actor: alice, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("removing someone who is not a member answers not_found", async () => {
    const c = await makeCase(lead);
    await expect(removeMember({ actor: lead, caseId: c.id, userId: bob.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("changing the lead", () => {
  it("is for the lead or an admin, and the new lead must be an active investigator or admin", async () => {
    const c = await makeCase(lead);
    await addMember({ actor: lead, caseId: c.id, input: { userId: alice.id } });
    await expect(
      updateCase({ actor: alice, caseId: c.id, input: { version: c.version, leadId: alice.id } }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      updateCase({ actor: lead, caseId: c.id, input: { version: c.version, leadId: counsel.id } }),
    ).rejects.toMatchObject({
      code: "bad_request",
      details: [{ path: "leadId", message: expect.any(String) }],
    });

    const moved = await updateCase({ actor: admin, caseId: c.id, input: { version: c.version, leadId: bob.id } });
    expect(moved.lead).toEqual({ id: bob.id, name: "Bob", email: bob.email });
    expect((await getCase({ actor: bob, caseId: c.id })).permissions).toMatchObject({
      update: true,
      manageMembers: true,
    });
  });

  it("a case can be opened for another lead only if they are eligible", async () => {
    const opened = await makeCase(admin, { leadId: alice.id });
    expect(opened.lead?.id).toBe(alice.id);
    await expect(makeCase(admin, { leadId: counsel.id })).rejects.toMatchObject({ code: "bad_request" });
  });
});
