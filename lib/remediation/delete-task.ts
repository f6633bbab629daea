import { eq } from "drizzle-orm";
import { db } from "@/db";
import { remediationTasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { loadTask } from "./access";

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
      detail: {
        kind: task.kind,
        title: task.title,
        status: task.status,
        templateId: task.templateId,
        templateStep: task.templateStep,
      },
    });
  });
}
