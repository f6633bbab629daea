import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { remediationTasks, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { parseOrThrow } from "@/lib/errors";
import { caseTasksView } from "./case-tasks";
import { type ApplyTemplateInput, applyTemplateSchema } from "./schema";
import { type RemediationTemplateId, remediationTemplates } from "./templates";
import type { ApplyTemplateResult } from "./views";

const HOUR = 3_600_000;

/**
 * Adds the template's steps the case does not have yet, due relative to `now`, owned by the case
 * lead while they are active. The unique (case, template, step) makes a second run add nothing,
 * even when two people press the button at once.
 */
export async function insertTemplateTasks(
  tx: Tx,
  { caseId, templateId, leadId, actorId, now = new Date() }: { caseId: string; templateId: RemediationTemplateId; leadId: string | null; actorId: string; now?: Date },
): Promise<{ added: string[]; skipped: number }> {
  const template = remediationTemplates[templateId];
  const [lead] = leadId ? await tx.select({ id: users.id }).from(users).where(and(eq(users.id, leadId), eq(users.disabled, false))) : [];
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${remediationTasks.position}), -1)::int + 1` })
    .from(remediationTasks)
    .where(eq(remediationTasks.caseId, caseId));
  const inserted = await tx
    .insert(remediationTasks)
    .values(
      template.tasks.map((t, index) => ({
        caseId,
        kind: t.kind,
        title: t.title,
        ownerId: lead?.id ?? null,
        dueAt: new Date(now.getTime() + t.dueInHours * HOUR),
        templateId: template.id,
        templateStep: t.step,
        position: Number(next) + index,
        createdById: actorId,
      })),
    )
    .onConflictDoNothing({ target: [remediationTasks.caseId, remediationTasks.templateId, remediationTasks.templateStep] })
    .returning({ id: remediationTasks.id });
  return { added: inserted.map((r) => r.id), skipped: template.tasks.length - inserted.length };
}

export async function applyTemplate({ actor, caseId, input }: { actor: Actor; caseId: string; input: ApplyTemplateInput }): Promise<ApplyTemplateResult> {
  const data = parseOrThrow(applyTemplateSchema, input);
  return db.transaction(async (tx) => {
    const kase = await loadCase(tx, actor, caseId, { forUpdate: true });
    authorize(actor, "task:manage", { case: kase.access }, "Case");
    const { added, skipped } = await insertTemplateTasks(tx, { caseId, templateId: data.template, leadId: kase.row.leadId, actorId: actor.id });
    const view = await caseTasksView(tx, actor, kase);
    // Nothing written, nothing to record: a repeat press is not an event.
    if (added.length > 0) {
      await recordAudit(tx, { actor, action: "task.apply_template", entityType: "case", entityId: caseId, caseId, detail: { template: data.template, added: added.length, skipped, taskIds: added } });
    }
    return { ...view, added: added.length, skipped };
  });
}
