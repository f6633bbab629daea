import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { removeMember } from "@/lib/cases/remove-member";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { listMyTasks } from "./list-my-tasks";
import { createTask } from "./create-task";
import { updateTask } from "./update-task";

let lead: Actor;
let worker: Actor;

beforeAll(async () => {
  [lead, worker] = await Promise.all([makeActor("investigator"), makeActor("investigator", "Wendy Worker")]);
});

describe("my tasks", () => {
  it("lists the actor's open tasks across cases, soonest due first, undated last, with overdue flagged", async () => {
    const a = await makeCase(lead);
    const b = await makeCase(lead);
    for (const c of [a, b]) await addMember({ actor: lead, caseId: c.id, input: { userId: worker.id } });
    const later = await createTask({
      actor: lead,
      caseId: a.id,
      input: { kind: "other", title: "Later", ownerId: worker.id, dueAt: "2099-01-02" },
    });
    const undated = await createTask({
      actor: lead,
      caseId: b.id,
      input: { kind: "other", title: "Whenever", ownerId: worker.id },
    });
    const late = await createTask({
      actor: lead,
      caseId: b.id,
      input: { kind: "other", title: "Late", ownerId: worker.id, dueAt: "2021-05-01" },
    });
    const soon = await createTask({
      actor: lead,
      caseId: a.id,
      input: { kind: "other", title: "Soon", ownerId: worker.id, dueAt: "2098-01-01" },
    });
    const finished = await createTask({
      actor: lead,
      caseId: a.id,
      input: { kind: "other", title: "Done already", ownerId: worker.id },
    });
    await updateTask({ actor: lead, taskId: finished.id, input: { status: "done" } });
    await createTask({
      actor: lead,
      caseId: a.id,
      input: { kind: "other", title: "Someone else's", ownerId: lead.id },
    });

    const mine = await listMyTasks({ actor: worker, query: { owner: "me", status: "open" } });
    expect(mine.items.map((t) => t.id)).toEqual([late.id, soon.id, later.id, undated.id]);
    expect(mine.items.map((t) => t.overdue)).toEqual([true, false, false, false]);
    expect(mine.items[0]).toMatchObject({ caseRef: b.ref, caseTitle: b.title });
    expect(mine.total).toBe(4);

    const all = await listMyTasks({ actor: worker, query: { status: "all" } });
    expect(all.items.map((t) => t.id)).toContain(finished.id);
    const doneOnly = await listMyTasks({ actor: worker, query: { status: "done" } });
    expect(doneOnly.items.map((t) => t.id)).toEqual([finished.id]);

    // Leaving a case takes its tasks off the list with the access.
    await removeMember({ actor: lead, caseId: b.id, userId: worker.id });
    const after = await listMyTasks({ actor: worker, query: {} });
    expect(after.items.map((t) => t.id)).toEqual([soon.id, later.id]);
  });

  it("refuses bad filters with 400", async () => {
    await expect(listMyTasks({ actor: worker, query: { status: "someday" } })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(listMyTasks({ actor: worker, query: { owner: "you" as never } })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
