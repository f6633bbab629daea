import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { makeCase, uniqueWord, walkCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { listActivity } from "./list-activity";
import { getCase } from "./get-case";
import { transitionCase } from "./transition-case";
import { updateCase } from "./update-case";
import { listCases } from "./list-cases";
import { addMember } from "./add-member";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";
import { createNote } from "./create-note";
import { listNotes } from "./list-notes";
import { updateNote } from "./update-note";
import type { CaseDetail } from "./views";

let lead: Actor;
let admin: Actor;
let manager: Actor;
let outsider: Actor;
let legal: Actor;
let tag: string;
let theCase: CaseDetail;
let noteId: string;

beforeAll(async () => {
  [lead, admin, manager, outsider, legal] = await Promise.all([
    makeActor("investigator", "Lead investigator"),
    makeActor("admin"),
    makeActor("manager"),
    makeActor("investigator", "Outsider"),
    makeActor("legal"),
  ]);
  tag = uniqueWord("vis");
  theCase = await makeCase(lead, { tags: [tag] });
  noteId = (await createNote({ actor: lead, caseId: theCase.id, input: { body: "lead's note" } })).id;
});

/** Every lib entry point that touches one case, as a given actor. */
function everyCaseCall(actor: Actor, caseId: string, version: number) {
  return {
    getCase: () => getCase({ actor, caseId }),
    updateCase: () => updateCase({ actor, caseId, input: { version, title: "hijacked" } }),
    transitionCase: () => transitionCase({ actor, caseId, input: { to: "investigating" } }),
    listMembers: () => listMembers({ actor, caseId }),
    addMember: () => addMember({ actor, caseId, input: { userId: actor.id, role: "investigator" } }),
    removeMember: () => removeMember({ actor, caseId, userId: lead.id }),
    listNotes: () => listNotes({ actor, caseId }),
    createNote: () => createNote({ actor, caseId, input: { body: "sneaky" } }),
    updateNote: () => updateNote({ actor, noteId, input: { body: "rewritten" } }),
    listActivity: () => listActivity({ actor, caseId }),
  };
}

async function visibleRefs(actor: Actor): Promise<string[]> {
  const list = await listCases({ actor, query: { tag } });
  return list.items.map((c) => c.ref);
}

describe("an investigator who is not a member", () => {
  it.each(Object.keys(everyCaseCall(lead, "", 1)))("gets not_found from %s", async (name) => {
    const call = everyCaseCall(outsider, theCase.id, theCase.version)[name as keyof ReturnType<typeof everyCaseCall>];
    await expect(call()).rejects.toMatchObject({ code: "not_found" });
  });

  it("changed nothing by trying", async () => {
    const now = await getCase({ actor: lead, caseId: theCase.id });
    expect(now).toMatchObject({ title: theCase.title, status: "triage", version: theCase.version, members: [] });
    const notes = await listNotes({ actor: lead, caseId: theCase.id });
    expect(notes.items.map((n) => n.body)).toEqual(["lead's note"]);
  });

  it("does not see the case in the list", async () => {
    expect(await visibleRefs(outsider)).toEqual([]);
    expect(await visibleRefs(lead)).toEqual([theCase.ref]);
  });
});

describe("admins and managers", () => {
  it("see every case, in detail and in the list", async () => {
    for (const actor of [admin, manager]) {
      await expect(getCase({ actor, caseId: theCase.id })).resolves.toMatchObject({ ref: theCase.ref });
      expect(await visibleRefs(actor)).toEqual([theCase.ref]);
      await expect(listActivity({ actor, caseId: theCase.id })).resolves.toMatchObject({ total: expect.any(Number) });
    }
  });

  it("a manager may read but not edit, move or add notes (forbidden, not hidden)", async () => {
    const detail = await getCase({ actor: manager, caseId: theCase.id });
    expect(detail.permissions).toEqual({ update: false, transition: false, manageMembers: false, addNote: false });
    await expect(
      updateCase({ actor: manager, caseId: theCase.id, input: { version: detail.version, title: "managed" } }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      transitionCase({ actor: manager, caseId: theCase.id, input: { to: "investigating" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(createNote({ actor: manager, caseId: theCase.id, input: { body: "x" } })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("an admin may edit any case", async () => {
    const current = await getCase({ actor: admin, caseId: theCase.id });
    const updated = await updateCase({
      actor: admin,
      caseId: theCase.id,
      input: { version: current.version, summary: "admin was here" },
    });
    expect(updated).toMatchObject({ summary: "admin was here", version: current.version + 1 });
  });
});

describe("legal", () => {
  it("sees a case only as a member or once it is referred", async () => {
    const otherLegal = await makeActor("legal");
    const own = await makeCase(lead, { tags: [tag] });
    await expect(getCase({ actor: legal, caseId: own.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await visibleRefs(legal)).not.toContain(own.ref);

    await addMember({ actor: lead, caseId: own.id, input: { userId: legal.id, role: "legal" } });
    await expect(getCase({ actor: legal, caseId: own.id })).resolves.toMatchObject({ ref: own.ref });
    expect(await visibleRefs(legal)).toContain(own.ref);
    expect(await visibleRefs(otherLegal)).not.toContain(own.ref);

    await walkCase(lead, own.id, ["investigating", "contained", "referred"]);
    await expect(getCase({ actor: otherLegal, caseId: own.id })).resolves.toMatchObject({ status: "referred" });
    expect(await visibleRefs(otherLegal)).toContain(own.ref);

    // Once closed it is no longer "referred", so a legal non-member loses sight of it again.
    await walkCase(lead, own.id, ["closed"]);
    await expect(getCase({ actor: otherLegal, caseId: own.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("membership", () => {
  it("gives access at once and removing it takes access away at once", async () => {
    const member = await makeActor("investigator", "Temporary member");
    const c = await makeCase(lead, { tags: [tag] });
    await expect(getCase({ actor: member, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });

    await addMember({ actor: lead, caseId: c.id, input: { email: member.email, role: "investigator" } });
    await expect(getCase({ actor: member, caseId: c.id })).resolves.toMatchObject({
      ref: c.ref,
      permissions: { update: true, addNote: true },
    });
    expect(await visibleRefs(member)).toEqual([c.ref]);
    const note = await createNote({ actor: member, caseId: c.id, input: { body: "member note" } });

    await removeMember({ actor: lead, caseId: c.id, userId: member.id });
    await expect(getCase({ actor: member, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(listNotes({ actor: member, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updateNote({ actor: member, noteId: note.id, input: { body: "after removal" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await visibleRefs(member)).toEqual([]);
  });

  it("an observer sees the case but may not write to it", async () => {
    const observer = await makeActor("investigator", "Observer");
    const c = await makeCase(lead, { tags: [tag] });
    await addMember({ actor: lead, caseId: c.id, input: { userId: observer.id, role: "observer" } });
    const seen = await getCase({ actor: observer, caseId: c.id });
    expect(seen.permissions).toEqual({ update: false, transition: false, manageMembers: false, addNote: false });
    await expect(createNote({ actor: observer, caseId: c.id, input: { body: "x" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      updateCase({ actor: observer, caseId: c.id, input: { version: seen.version, title: "x" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
