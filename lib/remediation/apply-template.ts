import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { parseOrThrow } from "@/lib/errors";
import { caseTasksView } from "./case-tasks";
import { insertTemplateTasks } from "./insert-template-tasks";
import { type ApplyTemplateInput, applyTemplateSchema } from "./schema";
import type { ApplyTemplateResult } from "./views";

export async function applyTemplate({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: ApplyTemplateInput;
}): Promise<ApplyTemplateResult> {
  const data = parseOrThrow(applyTemplateSchema, input);
  return db.transaction(async (tx) => {
    const kase = await loadCase(tx, actor, caseId, { forUpdate: true });
    authorize(actor, "task:manage", { case: kase.access }, "Case");
    const { added, skipped } = await insertTemplateTasks(tx, {
      caseId,
      templateId: data.template,
      leadId: kase.row.leadId,
      actorId: actor.id,
    });
    const view = await caseTasksView(tx, actor, kase);
    // Nothing written, nothing to record: a repeat press is not an event.
    if (added.length > 0) {
      await recordAudit(tx, {
        actor,
        action: "task.apply_template",
        entityType: "case",
        entityId: caseId,
        caseId,
        detail: { template: data.template, added: added.length, skipped, taskIds: added },
      });
    }
    return { ...view, added: added.length, skipped };
  });
}
