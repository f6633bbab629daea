import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, evidence, remediationTasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { AppError } from "@/lib/errors";
import { makeCase } from "@/lib/testing/cases";
import { disableUser, makeActor } from "@/lib/testing/factories";
import { createTask } from "./create-task";
import { deleteTask } from "./delete-task";
import { listCaseTasks } from "./list-case-tasks";
import { updateTask } from "./update-task";

let lead: Actor;
let outsider: Actor;
let manager: Actor;

beforeAll(async () => {
  [lead, outsider, manager] = await Promise.all([
    makeActor("investigator", "Lena Lead"),
    makeActor("investigator"),
    makeActor("manager"),
  ]);
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const taskCount = async (caseId: string) =>
  Number(
    (await db.select({ n: count() }).from(remediationTasks).where(eq(remediationTasks.caseId, caseId)))[0]?.n ?? 0,
  );
const auditCount = async (entityId: string, action: string) =>
  Number(
    (
      await db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)))
    )[0]?.n ?? 0,
  );

async function addEvidence(caseId: string, exhibitNo = 1) {
  const [row] = await db
    .insert(evidence)
    .values({
      caseId,
      exhibitNo,
      title: "Courier receipt",
      sha256: "a".repeat(64),
      size: 10,
      mimeType: "application/pdf",
      originalName: "receipt.pdf",
    })
    .returning({ id: evidence.id });
  if (!row) throw new Error("no evidence row");
  return row.id;
}

describe("tasks", () => {
  it("creates a task, flags a due date already past, and records an audit event", async () => {
    const c = await makeCase(lead);
    const past = await createTask({
      actor: lead,
      caseId: c.id,
      input: { kind: "revoke_access", title: "Kill SSO sessions", ownerId: lead.id, dueAt: "2020-01-01T09:00:00Z" },
    });
    expect(past).toMatchObject({
      status: "todo",
      dueInPast: true,
      overdue: true,
      owner: { id: lead.id, name: "Lena Lead" },
      dueAt: "2020-01-01T09:00:00.000Z",
      completedAt: null,
    });
    const future = await createTask({
      actor: lead,
      caseId: c.id,
      input: { kind: "recover_device", title: "Get the laptop back", dueAt: "2099-06-30" },
    });
    // A plain date is due at the end of that day.
    expect(future).toMatchObject({
      dueInPast: false,
      overdue: false,
      dueAt: "2099-06-30T23:59:59.999Z",
      owner: null,
      position: past.position + 1,
    });
    expect(await auditCount(past.id, "task.create")).toBe(1);
    const list = await listCaseTasks({ actor: lead, caseId: c.id });
    expect(list.items.map((t) => t.id)).toEqual([past.id, future.id]);
    expect(list.progress).toEqual({ total: 2, done: 0, notApplicable: 0, open: 2, overdue: 1, percent: 0 });
    expect(list.permissions.manage).toBe(true);
  });

  it.each([
    ["an unknown kind", { kind: "burn_it_down", title: "x" }, "kind"],
    ["an unknown status", { kind: "other", title: "x", status: "maybe" }, "status"],
    ["a title with control characters", { kind: "other", title: "Revoke\u0007access" }, "title"],
    ["a title with a bidi override", { kind: "other", title: "Revoke \u202Eaccess" }, "title"],
    ["an impossible date", { kind: "other", title: "x", dueAt: "2026-02-30" }, "dueAt"],
    ["a date that does not parse", { kind: "other", title: "x", dueAt: "next Tuesday" }, "dueAt"],
    ["a date-time without offset", { kind: "other", title: "x", dueAt: "2026-03-01T10:00:00" }, "dueAt"],
    ["not_applicable without a reason", { kind: "other", title: "x", status: "not_applicable" }, "completionNote"],
  ])("refuses %s with 400 and writes nothing", async (_label, input, path) => {
    const c = await makeCase(lead);
    const error = await errorOf(createTask({ actor: lead, caseId: c.id, input: input as never }));
    expect(error.code).toBe("bad_request");
    expect(JSON.stringify(error.details)).toContain(path);
    expect(await taskCount(c.id)).toBe(0);
  });

  it("gives tasks only to active users who can see the case", async () => {
    const c = await makeCase(lead);
    const member = await makeActor("investigator");
    const gone = await makeActor("investigator");
    await addMember({ actor: lead, caseId: c.id, input: { userId: member.id } });
    await addMember({ actor: lead, caseId: c.id, input: { userId: gone.id } });
    await disableUser(gone.id);
    for (const ownerId of [outsider.id, gone.id, "00000000-0000-4000-8000-000000000000"]) {
      const error = await errorOf(
        createTask({ actor: lead, caseId: c.id, input: { kind: "other", title: "x", ownerId } }),
      );
      expect(error.details).toEqual([
        { path: "ownerId", message: expect.stringContaining("active user who can see this case") },
      ]);
    }
    // A manager sees every case, so may own a task even though they cannot change it.
    await expect(
      createTask({ actor: lead, caseId: c.id, input: { kind: "other", title: "Review", ownerId: manager.id } }),
    ).resolves.toMatchObject({ owner: { id: manager.id } });
    const t = await createTask({ actor: lead, caseId: c.id, input: { kind: "other", title: "x", ownerId: member.id } });
    expect(t.owner?.id).toBe(member.id);
    expect(await taskCount(c.id)).toBe(2);
  });

  it("links evidence only from the same case", async () => {
    const c = await makeCase(lead);
    const other = await makeCase(lead);
    const mine = await addEvidence(c.id);
    const theirs = await addEvidence(other.id);
    const bad = await errorOf(
      createTask({ actor: lead, caseId: c.id, input: { kind: "recover_device", title: "Laptop", evidenceId: theirs } }),
    );
    expect(bad.details).toEqual([{ path: "evidenceId", message: "No such evidence in this case" }]);
    const t = await createTask({
      actor: lead,
      caseId: c.id,
      input: { kind: "recover_device", title: "Laptop", evidenceId: mine },
    });
    expect(t.evidenceId).toBe(mine);
    await expect(updateTask({ actor: lead, taskId: t.id, input: { evidenceId: theirs } })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("completes with a note, needs a reason for not applicable, and reopens", async () => {
    const c = await makeCase(lead);
    const a = await createTask({ actor: lead, caseId: c.id, input: { kind: "stop_payroll", title: "Stop payroll" } });
    const b = await createTask({
      actor: lead,
      caseId: c.id,
      input: { kind: "notify_vendor", title: "Tell the vendor" },
    });
    const done = await updateTask({
      actor: lead,
      taskId: a.id,
      input: { status: "done", completionNote: "Payroll stopped on the 3rd" },
    });
    expect(done).toMatchObject({ status: "done", completionNote: "Payroll stopped on the 3rd" });
    expect(done.completedAt).not.toBeNull();

    const refused = await errorOf(updateTask({ actor: lead, taskId: b.id, input: { status: "not_applicable" } }));
    expect(refused).toMatchObject({
      code: "bad_request",
      details: [{ path: "completionNote", message: "Say why this task does not apply" }],
    });
    expect((await listCaseTasks({ actor: lead, caseId: c.id })).items[1]).toMatchObject({
      status: "todo",
      completedAt: null,
    });

    const na = await updateTask({
      actor: lead,
      taskId: b.id,
      input: { status: "not_applicable", completionNote: "Hired directly, no vendor" },
    });
    expect(na).toMatchObject({ status: "not_applicable", completionNote: "Hired directly, no vendor" });
    expect((await listCaseTasks({ actor: lead, caseId: c.id })).progress).toMatchObject({
      total: 2,
      done: 1,
      notApplicable: 1,
      open: 0,
      percent: 100,
    });

    const reopened = await updateTask({ actor: lead, taskId: a.id, input: { status: "in_progress" } });
    expect(reopened).toMatchObject({ status: "in_progress", completedAt: null });
    expect(await auditCount(a.id, "task.update")).toBe(2);
    expect((await listCaseTasks({ actor: lead, caseId: c.id })).progress.percent).toBe(50);
  });

  it("deletes a task and keeps what it was in the audit log", async () => {
    const c = await makeCase(lead);
    const t = await createTask({ actor: lead, caseId: c.id, input: { kind: "other", title: "Mistake" } });
    await deleteTask({ actor: lead, taskId: t.id });
    expect(await taskCount(c.id)).toBe(0);
    expect(await auditCount(t.id, "task.delete")).toBe(1);
    await expect(deleteTask({ actor: lead, taskId: t.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets a manager read but not change, and hides the case from non-members", async () => {
    const c = await makeCase(lead);
    const t = await createTask({ actor: lead, caseId: c.id, input: { kind: "other", title: "x" } });
    expect((await listCaseTasks({ actor: manager, caseId: c.id })).permissions.manage).toBe(false);
    await expect(
      createTask({ actor: manager, caseId: c.id, input: { kind: "other", title: "y" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateTask({ actor: manager, taskId: t.id, input: { status: "done" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(listCaseTasks({ actor: outsider, caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateTask({ actor: outsider, taskId: t.id, input: { status: "done" } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteTask({ actor: outsider, taskId: t.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await taskCount(c.id)).toBe(1);
  });
});
