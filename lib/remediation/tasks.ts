import { eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { type RemediationTask, remediationTasks, type TaskStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { type LoadedCase, loadCase } from "@/lib/cases/access";
import { AppError, parseOrThrow } from "@/lib/errors";
import { assertEvidence, assertOwner, loadTask, personById } from "./access";
import { caseTasksView } from "./case-tasks";
import { type Person, toInstant } from "./fields";
import { isOpenTask, toTaskView } from "./present";
import { type TaskInput, taskInputSchema, type TaskUpdate, taskUpdateSchema } from "./schema";
import type { CaseTasksView, CreatedTaskView, TaskView } from "./views";

export async function listCaseTasks({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseTasksView> {
  const kase = await loadCase(db, actor, caseId);
  authorize(actor, "task:read", { case: kase.access }, "Case");
  return caseTasksView(db, actor, kase);
}

const reasonMessage = "Say why this task does not apply";

/** `not_applicable` is a decision, so it needs its reason written down. */
function assertReason(status: TaskStatus, note: string | null | undefined): void {
  if (status === "not_applicable" && !note?.trim()) throw new AppError("bad_request", reasonMessage, [{ path: "completionNote", message: reasonMessage }]);
}

async function checkLinks(tx: Tx, kase: LoadedCase, ownerId: string | null | undefined, evidenceId: string | null | undefined): Promise<Person | null> {
  if (evidenceId) await assertEvidence(tx, kase.row.id, evidenceId);
  return ownerId ? assertOwner(tx, kase, ownerId) : null;
}

export async function createTask({ actor, caseId, input }: { actor: Actor; caseId: string; input: TaskInput }): Promise<CreatedTaskView> {
  const data = parseOrThrow(taskInputSchema, input);
  assertReason(data.status, data.completionNote);
  return db.transaction(async (tx) => {
    const kase = await loadCase(tx, actor, caseId, { forUpdate: true });
    authorize(actor, "task:manage", { case: kase.access }, "Case");
    const owner = await checkLinks(tx, kase, data.ownerId, data.evidenceId);
    const now = new Date();
    const dueAt = data.dueAt ? toInstant(data.dueAt, "end") : null;
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${remediationTasks.position}), -1)::int + 1` })
      .from(remediationTasks)
      .where(eq(remediationTasks.caseId, caseId));
    const [task] = await tx
      .insert(remediationTasks)
      .values({
        caseId,
        kind: data.kind,
        title: data.title,
        ownerId: data.ownerId ?? null,
        dueAt,
        status: data.status,
        completionNote: data.completionNote || null,
        evidenceId: data.evidenceId ?? null,
        position: Number(next),
        completedAt: isOpenTask(data.status) ? null : now,
        createdById: actor.id,
      })
      .returning();
    if (!task) throw new Error("task insert returned nothing");
    const dueInPast = dueAt !== null && dueAt.getTime() < now.getTime();
    await recordAudit(tx, {
      actor,
      action: "task.create",
      entityType: "task",
      entityId: task.id,
      caseId,
      detail: { kind: task.kind, title: task.title, ownerId: task.ownerId, dueAt: task.dueAt?.toISOString() ?? null, status: task.status, dueInPast },
    });
    return { ...toTaskView(task, owner, now), dueInPast };
  });
}

const tracked = ["kind", "title", "ownerId", "dueAt", "status", "completionNote", "evidenceId"] as const;

export async function updateTask({ actor, taskId, input }: { actor: Actor; taskId: string; input: TaskUpdate }): Promise<TaskView> {
  const data = parseOrThrow(taskUpdateSchema, input);
  return db.transaction(async (tx) => {
    const { task, kase } = await loadTask(tx, actor, taskId, "task:manage", { forUpdate: true });
    const status = data.status ?? task.status;
    const completionNote = data.completionNote === undefined ? task.completionNote : data.completionNote || null;
    assertReason(status, completionNote);
    const ownerId = data.ownerId === undefined ? task.ownerId : data.ownerId;
    if (data.ownerId) await assertOwner(tx, kase, data.ownerId);
    if (data.evidenceId) await assertEvidence(tx, kase.row.id, data.evidenceId);
    const now = new Date();
    const next: Partial<RemediationTask> = {
      kind: data.kind ?? task.kind,
      title: data.title ?? task.title,
      ownerId,
      dueAt: data.dueAt === undefined ? task.dueAt : data.dueAt ? toInstant(data.dueAt, "end") : null,
      status,
      completionNote,
      evidenceId: data.evidenceId === undefined ? task.evidenceId : data.evidenceId,
      // Finishing stamps the time once; reopening clears it.
      completedAt: isOpenTask(status) ? null : isOpenTask(task.status) ? now : task.completedAt,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of tracked) {
      const from = task[key] instanceof Date ? (task[key] as Date).toISOString() : task[key];
      const value = next[key];
      const to = value instanceof Date ? value.toISOString() : value;
      if (from !== to) changes[key] = { from, to };
    }
    if (Object.keys(changes).length === 0) return toTaskView(task, await personById(tx, task.ownerId), now);
    const [updated] = await tx.update(remediationTasks).set(next).where(eq(remediationTasks.id, taskId)).returning();
    if (!updated) throw AppError.notFound("Task");
    await recordAudit(tx, { actor, action: "task.update", entityType: "task", entityId: taskId, caseId: task.caseId, detail: { title: task.title, changes } });
    return toTaskView(updated, await personById(tx, updated.ownerId), now);
  });
}

export async function deleteTask({ actor, taskId }: { actor: Actor; taskId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { task } = await loadTask(tx, actor, taskId, "task:manage", { forUpdate: true });
    await tx.delete(remediationTasks).where(eq(remediationTasks.id, taskId));
    await recordAudit(tx, {
      actor,
      action: "task.delete",
      entityType: "task",
      entityId: taskId,
      caseId: task.caseId,
      detail: { kind: task.kind, title: task.title, status: task.status, templateId: task.templateId, templateStep: task.templateStep },
    });
  });
}
