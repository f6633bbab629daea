import { eq } from "drizzle-orm";
import { db } from "@/db";
import { type RemediationTask, remediationTasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { resolveExhibitRef } from "@/lib/evidence/resolve-exhibit";
import { notifyTaskAssigned } from "@/lib/notifications/events";
import { assertEvidence, assertOwner, loadTask, personById } from "./access";
import { assertReason } from "./assert-reason";
import { toInstant } from "./fields";
import { isOpenTask, toTaskView } from "./present";
import { type TaskUpdate, taskUpdateSchema } from "./schema";
import type { TaskView } from "./views";

const tracked = ["kind", "title", "ownerId", "dueAt", "status", "completionNote", "evidenceId"] as const;

export async function updateTask({
  actor,
  taskId,
  input,
}: {
  actor: Actor;
  taskId: string;
  input: TaskUpdate;
}): Promise<TaskView> {
  const data = parseOrThrow(taskUpdateSchema, input);
  return db.transaction(async (tx) => {
    const { task, kase } = await loadTask(tx, actor, taskId, "task:manage", { forUpdate: true });
    const status = data.status ?? task.status;
    const completionNote = data.completionNote === undefined ? task.completionNote : data.completionNote || null;
    assertReason(status, completionNote);
    const ownerId = data.ownerId === undefined ? task.ownerId : data.ownerId;
    if (data.ownerId) await assertOwner(tx, kase, data.ownerId);
    const evidenceId = await resolveExhibitRef(tx, [kase.row.id], data.evidenceId, "evidenceId");
    if (evidenceId) await assertEvidence(tx, kase.row.id, evidenceId);
    const now = new Date();
    const next: Partial<RemediationTask> = {
      kind: data.kind ?? task.kind,
      title: data.title ?? task.title,
      ownerId,
      dueAt: data.dueAt === undefined ? task.dueAt : data.dueAt ? toInstant(data.dueAt, "end") : null,
      status,
      completionNote,
      evidenceId: evidenceId === undefined ? task.evidenceId : evidenceId,
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
    if (changes.ownerId && updated.ownerId)
      await notifyTaskAssigned(tx, {
        actorId: actor.id,
        caseId: updated.caseId,
        taskId: updated.id,
        taskTitle: updated.title,
        ownerId: updated.ownerId,
      });
    // Read before the audit event: the chain stays locked from the append to the commit.
    const answer = await toTaskView(updated, await personById(tx, updated.ownerId), now);
    await recordAudit(tx, {
      actor,
      action: "task.update",
      entityType: "task",
      entityId: taskId,
      caseId: task.caseId,
      detail: { title: task.title, changes },
    });
    return answer;
  });
}
