import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { remediationTasks, users } from "@/db/schema";
import { type RemediationTemplateId, remediationTemplates } from "./templates";

const HOUR = 3_600_000;

/**
 * Adds the template's steps the case does not have yet, due relative to `now`, owned by the case
 * lead while they are active. The unique (case, template, step) makes a second run add nothing,
 * even when two people press the button at once.
 */
export async function insertTemplateTasks(
  tx: Tx,
  {
    caseId,
    templateId,
    leadId,
    actorId,
    now = new Date(),
  }: { caseId: string; templateId: RemediationTemplateId; leadId: string | null; actorId: string; now?: Date },
): Promise<{ added: string[]; skipped: number }> {
  const template = remediationTemplates[templateId];
  const [lead] = leadId
    ? await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, leadId), eq(users.disabled, false)))
    : [];
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
    .onConflictDoNothing({
      target: [remediationTasks.caseId, remediationTasks.templateId, remediationTasks.templateStep],
    })
    .returning({ id: remediationTasks.id });
  return { added: inserted.map((r) => r.id), skipped: template.tasks.length - inserted.length };
}
