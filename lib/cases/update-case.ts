import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseMembers, cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { notifyCaseAssigned } from "@/lib/notifications/events";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { assertEligibleLead } from "./assert-eligible-lead";
import { toCaseDetail } from "./present";
import { type CaseUpdate, caseUpdateSchema } from "./schema";
import { subjectColumns } from "./subject-columns";
import type { CaseDetail } from "./views";

const editable = [
  "title",
  "summary",
  "severity",
  "tags",
  "dueDate",
  "leadId",
  "subjectName",
  "subjectRole",
  "subjectTeam",
  "subjectHiringChannel",
  "subjectStartDate",
  "subjectAccessLevel",
  "subjectLocation",
  "subjectHiredOn",
  "subjectDeviceShippedOn",
  "subjectFirstSignInAt",
  "subjectTerminatedOn",
] as const;

/** Saves edits made against `version`; if someone saved in between, answers conflict with the current case. */
export async function updateCase({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: CaseUpdate;
}): Promise<CaseDetail> {
  const data = parseOrThrow(caseUpdateSchema, input);
  return db.transaction(async (tx) => {
    const { row, access } = await loadCase(tx, actor, caseId, { forUpdate: true });
    authorize(actor, "case:update", { case: access }, "Case");
    if (data.version !== row.version) {
      const current = await toCaseDetail(tx, actor, row, access);
      throw new AppError("conflict", "Someone else changed this case since you opened it", {
        current,
        yourVersion: data.version,
      });
    }
    const leadChanges = data.leadId !== undefined && data.leadId !== row.leadId;
    if (leadChanges && data.leadId) {
      authorize(actor, "case:manage_members", { case: access }, "Case");
      await assertEligibleLead(tx, data.leadId);
      // The new lead no longer needs a member row; the old lead stays on the case as a member.
      await tx.delete(caseMembers).where(and(eq(caseMembers.caseId, caseId), eq(caseMembers.userId, data.leadId)));
      if (row.leadId) {
        await tx
          .insert(caseMembers)
          .values({ caseId, userId: row.leadId, role: "investigator", addedById: actor.id })
          .onConflictDoNothing();
      }
    }
    const next = {
      title: data.title,
      summary: data.summary,
      severity: data.severity,
      tags: data.tags,
      dueDate: data.dueDate,
      leadId: data.leadId,
      ...(data.subject ? subjectColumns({ ...subjectOf(row), ...data.subject }) : {}),
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of editable) {
      const to = next[key];
      if (to === undefined) continue;
      const from = row[key];
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
    }
    if (Object.keys(changes).length === 0) return toCaseDetail(tx, actor, row, access);
    const values = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
    const [updated] = await tx
      .update(cases)
      .set({ ...values, version: row.version + 1 })
      .where(eq(cases.id, caseId))
      .returning();
    if (!updated) throw AppError.notFound("Case");
    if (changes.leadId && updated.leadId)
      await notifyCaseAssigned(tx, { actorId: actor.id, caseId, leadId: updated.leadId });
    // Read before the audit event: the chain stays locked from the append to the commit.
    const detail = await toCaseDetail(tx, actor, updated, { ...access, leadId: updated.leadId });
    await recordAudit(tx, {
      actor,
      action: "case.update",
      entityType: "case",
      entityId: caseId,
      caseId,
      detail: { changes },
    });
    return detail;
  });
}

function subjectOf(row: typeof cases.$inferSelect) {
  return {
    name: row.subjectName,
    role: row.subjectRole,
    team: row.subjectTeam,
    hiringChannel: row.subjectHiringChannel,
    startDate: row.subjectStartDate,
    accessLevel: row.subjectAccessLevel,
    location: row.subjectLocation,
    hiredOn: row.subjectHiredOn,
    deviceShippedOn: row.subjectDeviceShippedOn,
    firstSignInAt: row.subjectFirstSignInAt?.toISOString() ?? null,
    terminatedOn: row.subjectTerminatedOn,
  };
}
