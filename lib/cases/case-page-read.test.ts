import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { db } from "@/db";
import { caseMembers } from "@/db/schema";
import { addMember } from "./add-member";
import { loadCase } from "./access";
import { createNote } from "./create-note";
import { getCase } from "./get-case";
import { listActivity } from "./list-activity";
import { listNotes } from "./list-notes";
import { toCaseDetail } from "./present";
import { removeMember } from "./remove-member";

// Notes and activity read the case, the actor's membership, the total and the page in one
// statement (case-page-read.ts), the case detail its members and lead with it (get-case.ts):
// the need-to-know check must hold exactly as before.

let lead: Actor;
let member: Actor;
let outsider: Actor;

beforeAll(async () => {
  [lead, member, outsider] = await Promise.all([
    makeActor("investigator"),
    makeActor("investigator"),
    makeActor("investigator"),
  ]);
});

describe("a case page read in one statement", () => {
  it("gives an empty page and a total of 0 for a case with no notes", async () => {
    const c = await makeCase(lead);
    await expect(listNotes({ actor: lead, caseId: c.id })).resolves.toMatchObject({ items: [], total: 0 });
  });

  it("pages newest first with the total of all rows, and an empty page past the end", async () => {
    const c = await makeCase(lead);
    for (const body of ["first", "second", "third"]) await createNote({ actor: lead, caseId: c.id, input: { body } });
    const second = await listNotes({ actor: lead, caseId: c.id, page: { page: 2, pageSize: 2 } });
    expect(second.total).toBe(3);
    expect(second.items.map((n) => n.body)).toEqual(["first"]);
    const first = await listNotes({ actor: lead, caseId: c.id, page: { page: 1, pageSize: 2 } });
    expect(first.items.map((n) => n.body)).toEqual(["third", "second"]);
    expect(first.items[0]?.author).toMatchObject({ id: lead.id });
    const past = await listNotes({ actor: lead, caseId: c.id, page: { page: 5, pageSize: 2 } });
    expect(past).toMatchObject({ items: [], total: 3 });

    const activity = await listActivity({ actor: lead, caseId: c.id, page: { page: 1, pageSize: 2 } });
    expect(activity.items).toHaveLength(2);
    expect(activity.total).toBeGreaterThanOrEqual(4);
    expect(activity.items[0]!.seq).toBeGreaterThan(activity.items[1]!.seq);
  });

  it("answers not_found to someone who may not see the case, and to a member once removed", async () => {
    const c = await makeCase(lead);
    await createNote({ actor: lead, caseId: c.id, input: { body: "secret" } });
    for (const read of [listNotes, listActivity])
      await expect(read({ actor: outsider, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await addMember({ actor: lead, caseId: c.id, input: { userId: member.id } });
    await expect(listNotes({ actor: member, caseId: c.id })).resolves.toMatchObject({ total: 1 });
    await removeMember({ actor: lead, caseId: c.id, userId: member.id });
    await expect(listNotes({ actor: member, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(listActivity({ actor: member, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers not_found for a case that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(listNotes({ actor: lead, caseId: missing })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the case detail read in one statement", () => {
  // The answer of the three statements it replaces: the case, then its members and lead.
  async function readSeparately(actor: Actor, caseId: string) {
    const { row, access } = await loadCase(db, actor, caseId);
    return toCaseDetail(db, actor, row, access);
  }

  it("gives the members (by name) and the lead exactly as reading them separately does", async () => {
    const c = await makeCase(lead);
    const alone = await getCase({ actor: lead, caseId: c.id });
    expect(alone.members).toEqual([]);
    expect(alone.lead).toMatchObject({ id: lead.id, name: lead.name, email: lead.email });
    expect(alone).toEqual(await readSeparately(lead, c.id));

    await addMember({ actor: lead, caseId: c.id, input: { userId: member.id } });
    await addMember({ actor: lead, caseId: c.id, input: { userId: outsider.id, role: "observer" } });
    const detail = await getCase({ actor: member, caseId: c.id });
    expect(detail.members.map((m) => m.id).sort()).toEqual([member.id, outsider.id].sort());
    expect(detail.members.find((m) => m.id === outsider.id)).toMatchObject({ role: "observer" });
    expect(detail).toEqual(await readSeparately(member, c.id));
    expect(await getCase({ actor: lead, caseId: c.id })).toEqual(await readSeparately(lead, c.id));
    await removeMember({ actor: lead, caseId: c.id, userId: outsider.id });
  });

  it("answers not_found to someone who may not see the case, to a member once removed, and for a missing case", async () => {
    const c = await makeCase(lead);
    await expect(getCase({ actor: outsider, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await addMember({ actor: lead, caseId: c.id, input: { userId: member.id } });
    await expect(getCase({ actor: member, caseId: c.id })).resolves.toMatchObject({ id: c.id });
    await removeMember({ actor: lead, caseId: c.id, userId: member.id });
    await expect(getCase({ actor: member, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(getCase({ actor: lead, caseId: missing })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("loadCase", () => {
  it("reads through the transaction it is given, and through its prepared statement outside one", async () => {
    const c = await makeCase(lead);
    await expect(loadCase(db, member, c.id)).resolves.toMatchObject({ access: { memberRole: null } });
    // Inside a transaction a change not yet committed is seen there and nowhere else.
    await db
      .transaction(async (tx) => {
        await tx
          .insert(caseMembers)
          .values({ caseId: c.id, userId: member.id, role: "investigator", addedById: lead.id });
        await expect(loadCase(tx, member, c.id)).resolves.toMatchObject({ access: { memberRole: "investigator" } });
        await expect(loadCase(tx, member, c.id, { forUpdate: true })).resolves.toMatchObject({
          access: { memberRole: "investigator" },
        });
        throw new Error("roll back");
      })
      .catch((error: unknown) => {
        if ((error as Error).message !== "roll back") throw error;
      });
    await expect(loadCase(db, member, c.id)).resolves.toMatchObject({ access: { memberRole: null } });
    await expect(loadCase(db, lead, c.id)).resolves.toMatchObject({ access: { leadId: lead.id } });
    await expect(loadCase(db, lead, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
