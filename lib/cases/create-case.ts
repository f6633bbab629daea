import { sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { caseRefCounters, cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { notifyCaseAssigned } from "@/lib/notifications/events";
import { parseOrThrow } from "@/lib/errors";
import { assertEligibleLead } from "./assert-eligible-lead";
import { toCaseDetail } from "./present";
import { type CaseInput, caseInputSchema } from "./schema";
import { subjectColumns } from "./subject-columns";
import { caseTemplates } from "./templates";
import type { CaseDetail } from "./views";
import { insertTemplateTasks } from "@/lib/remediation/insert-template-tasks";

/**
 * Next reference for the year. The upsert takes a row lock on the year's counter, so concurrent
 * creations queue on it and get distinct sequential numbers; a rolled-back creation gives its
 * number back with its transaction, so no committed reference is ever reused or skipped.
 */
async function allocateRef(tx: Tx, year: number): Promise<string> {
  const [row] = await tx
    .insert(caseRefCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: caseRefCounters.year, set: { last: sql`${caseRefCounters.last} + 1` } })
    .returning({ last: caseRefCounters.last });
  if (!row) throw new Error("reference counter upsert returned nothing");
  return `CASE-${year}-${String(row.last).padStart(4, "0")}`;
}

export async function createCase({ actor, input }: { actor: Actor; input: CaseInput }): Promise<CaseDetail> {
  authorize(actor, "case:create");
  const data = parseOrThrow(caseInputSchema, input);
  const template = data.template ? caseTemplates[data.template] : undefined;
  const leadId = data.leadId ?? actor.id;
  return db.transaction(async (tx) => {
    if (leadId !== actor.id) await assertEligibleLead(tx, leadId);
    const now = new Date();
    const ref = await allocateRef(tx, now.getUTCFullYear());
    const [row] = await tx
      .insert(cases)
      .values({
        ref,
        title: data.title,
        summary: data.summary,
        severity: input.severity === undefined && template ? template.severity : data.severity,
        leadId,
        ...subjectColumns(data.subject),
        tags: [...new Set([...(template?.tags ?? []), ...data.tags])],
        dueDate: data.dueDate ?? null,
        openedAt: now,
        createdById: actor.id,
      })
      .returning();
    if (!row) throw new Error("case insert returned nothing");
    // The template's remediation tasks arrive with the case, in the same transaction.
    const tasks = template?.remediationTemplate
      ? await insertTemplateTasks(tx, {
          caseId: row.id,
          templateId: template.remediationTemplate,
          leadId,
          actorId: actor.id,
          now,
        })
      : null;
    if (leadId !== actor.id) await notifyCaseAssigned(tx, { actorId: actor.id, caseId: row.id, leadId });
    // Read before the audit event: the chain stays locked from the append to the commit.
    const answer = await toCaseDetail(tx, actor, row, { status: row.status, leadId: row.leadId, memberRole: null });
    await recordAudit(tx, {
      actor,
      action: "case.create",
      entityType: "case",
      entityId: row.id,
      caseId: row.id,
      detail: {
        ref,
        title: row.title,
        severity: row.severity,
        template: template?.id ?? null,
        ...(tasks ? { tasksAdded: tasks.added.length } : {}),
      },
    });
    return answer;
  });
}
