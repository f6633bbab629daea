import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { listActivity } from "./list-activity";
import { transitionCase } from "./transition-case";
import { updateCase } from "./update-case";
import { addMember } from "./add-member";
import { removeMember } from "./remove-member";
import { createNote } from "./create-note";
import { updateNote } from "./update-note";

let lead: Actor;
let colleague: Actor;

beforeAll(async () => {
  [lead, colleague] = await Promise.all([makeActor("investigator", "Lead"), makeActor("investigator", "Colleague")]);
});

describe("case activity", () => {
  it("lists what happened to the case, newest first, with who did it", async () => {
    const c = await makeCase(lead, { title: "Activity case" });
    await updateCase({ actor: lead, caseId: c.id, input: { version: c.version, severity: "critical" } });
    await transitionCase({ actor: lead, caseId: c.id, input: { to: "investigating" } });
    await addMember({ actor: lead, caseId: c.id, input: { userId: colleague.id } });
    const note = await createNote({ actor: colleague, caseId: c.id, input: { body: "Checked the payroll account" } });

    const activity = await listActivity({ actor: lead, caseId: c.id });
    expect(activity.total).toBe(5);
    expect(activity.items.map((a) => a.action)).toEqual([
      "note.create",
      "case.member_add",
      "case.transition",
      "case.update",
      "case.create",
    ]);
    const [noted, memberAdded, moved, updated, created] = activity.items;
    expect(noted).toMatchObject({ actor: actorLabel(colleague), entityType: "note", entityId: note.id });
    expect(memberAdded).toMatchObject({
      actor: actorLabel(lead),
      detail: { userId: colleague.id, role: "investigator" },
    });
    expect(moved?.detail).toEqual({ from: "triage", to: "investigating" });
    expect(updated?.detail).toEqual({ changes: { severity: { from: "medium", to: "critical" } } });
    expect(created?.detail).toMatchObject({ ref: c.ref, title: "Activity case" });
    const seqs = activity.items.map((a) => a.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it("pages the activity with a total", async () => {
    const c = await makeCase(lead);
    await transitionCase({ actor: lead, caseId: c.id, input: { to: "investigating" } });
    await addMember({ actor: lead, caseId: c.id, input: { userId: colleague.id } });
    await createNote({ actor: lead, caseId: c.id, input: { body: "one" } });

    const first = await listActivity({ actor: lead, caseId: c.id, page: { pageSize: 2 } });
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(first.items.map((a) => a.action)).toEqual(["note.create", "case.member_add"]);
    const second = await listActivity({ actor: lead, caseId: c.id, page: { page: 2, pageSize: 2 } });
    expect(second.items.map((a) => a.action)).toEqual(["case.transition", "case.create"]);
  });

  it("records note edits, member removals, closing and reopening with their reasons", async () => {
    const c = await makeCase(lead);
    await addMember({ actor: lead, caseId: c.id, input: { userId: colleague.id } });
    const note = await createNote({ actor: lead, caseId: c.id, input: { body: "draft" } });
    await updateNote({ actor: lead, noteId: note.id, input: { body: "final" } });
    await removeMember({ actor: lead, caseId: c.id, userId: colleague.id });
    await transitionCase({ actor: lead, caseId: c.id, input: { to: "cleared", reason: "Verified identity" } });
    await transitionCase({ actor: lead, caseId: c.id, input: { to: "investigating", reason: "New evidence" } });

    const activity = await listActivity({ actor: lead, caseId: c.id, page: { pageSize: 4 } });
    expect(activity.total).toBe(7);
    expect(activity.items.map((a) => [a.action, a.detail])).toEqual([
      ["case.reopen", { from: "cleared", to: "investigating", reason: "New evidence" }],
      ["case.transition", { from: "triage", to: "cleared", reason: "Verified identity" }],
      ["case.member_remove", { userId: colleague.id, role: "investigator" }],
      ["note.update", { previousLength: 5, length: 5 }],
    ]);
  });

  it("does not include failed attempts or other cases", async () => {
    const c = await makeCase(lead);
    const other = await makeCase(lead);
    await createNote({ actor: lead, caseId: other.id, input: { body: "elsewhere" } });
    await expect(
      transitionCase({ actor: lead, caseId: c.id, input: { to: "closed", reason: "x" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      updateCase({ actor: lead, caseId: c.id, input: { version: c.version + 5, title: "stale" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    const activity = await listActivity({ actor: lead, caseId: c.id });
    expect(activity.items.map((a) => a.action)).toEqual(["case.create"]);
  });
});
