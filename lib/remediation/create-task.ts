import { eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { remediationTasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { type LoadedCase, loadCase } from "@/lib/cases/access";
import { parseOrThrow } from "@/lib/errors";
import { resolveExhibitRef } from "@/lib/evidence/resolve-exhibit";
import { notifyTaskAssigned } from "@/lib/notifications/events";
import { assertEvidence, assertOwner } from "./access";
import { assertReason } from "./assert-reason";
import { type Person, toInstant } from "./fields";
import { isOpenTask, toTaskView } from "./present";
import { type TaskInput, taskInputSchema } from "./schema";
import type { CreatedTaskView } from "./views";

async function checkLinks(
  tx: Tx,
  kase: LoadedCase,
  ownerId: string | null | undefined,
  evidenceId: string | null | undefined,
): Promise<Person | null> {
  if (evidenceId) await assertEvidence(tx, kase.row.id, evidenceId);
  return ownerId ? assertOwner(tx, kase, ownerId) : null;
}

export async function createTask({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: TaskInput;
}): Promise<CreatedTaskView> {
  const data = parseOrThrow(taskInputSchema, input);
  assertReason(data.status, data.completionNote);
  return db.transaction(async (tx) => {
    const kase = await loadCase(tx, actor, caseId, { forUpdate: true });
    authorize(actor, "task:manage", { case: kase.access }, "Case");
    const evidenceId = await resolveExhibitRef(tx, [caseId], data.evidenceId, "evidenceId");
    const owner = await checkLinks(tx, kase, data.ownerId, evidenceId);
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
        evidenceId: evidenceId ?? null,
        position: Number(next),
        completedAt: isOpenTask(data.status) ? null : now,
        createdById: actor.id,
      })
      .returning();
    if (!task) throw new Error("task insert returned nothing");
    const dueInPast = dueAt !== null && dueAt.getTime() < now.getTime();
    if (task.ownerId)
      await notifyTaskAssigned(tx, {
        actorId: actor.id,
        caseId,
        taskId: task.id,
        taskTitle: task.title,
        ownerId: task.ownerId,
      });
    await recordAudit(tx, {
      actor,
      action: "task.create",
      entityType: "task",
      entityId: task.id,
      caseId,
      detail: {
        kind: task.kind,
        title: task.title,
        ownerId: task.ownerId,
        dueAt: task.dueAt?.toISOString() ?? null,
        status: task.status,
        dueInPast,
      },
    });
    return { ...toTaskView(task, owner, now), dueInPast };
  });
}
