import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { caseMembers, caseRefCounters, cases, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
// Whether a case is referred decides whether legal sees its personas.
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { toCaseDetail } from "./present";
import { type CaseInput, caseInputSchema, type CaseUpdate, caseUpdateSchema, type TransitionInput, transitionSchema } from "./schema";
import { caseTemplates } from "./templates";
import type { CaseDetail } from "./views";
import { checkTransition } from "./workflow";
import { assertFiledReferral } from "@/lib/referrals/guards";
import { insertTemplateTasks } from "@/lib/remediation/apply-template";
import { assertNoOpenTasks } from "@/lib/remediation/guards";

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

function subjectColumns(subject: Partial<Record<"name" | "role" | "team" | "hiringChannel" | "startDate" | "accessLevel" | "location", string | null | undefined>>) {
  return {
    subjectName: subject.name || null,
    subjectRole: subject.role || null,
    subjectTeam: subject.team || null,
    subjectHiringChannel: subject.hiringChannel || null,
    subjectStartDate: subject.startDate || null,
    subjectAccessLevel: subject.accessLevel || null,
    subjectLocation: subject.location || null,
  };
}

/** A lead must be an active investigator or admin. */
async function assertEligibleLead(tx: Tx, userId: string): Promise<void> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false), inArray(users.role, ["investigator", "admin"])));
  if (!user) throw new AppError("bad_request", "The lead must be an active investigator or admin", [{ path: "leadId", message: "Not an active investigator or admin" }]);
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
      ? await insertTemplateTasks(tx, { caseId: row.id, templateId: template.remediationTemplate, leadId, actorId: actor.id, now })
      : null;
    await recordAudit(tx, {
      actor,
      action: "case.create",
      entityType: "case",
      entityId: row.id,
      caseId: row.id,
      detail: { ref, title: row.title, severity: row.severity, template: template?.id ?? null, ...(tasks ? { tasksAdded: tasks.added.length } : {}) },
    });
    return toCaseDetail(tx, actor, row, { status: row.status, leadId: row.leadId, memberRole: null });
  });
}

export async function getCase({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseDetail> {
  const { row, access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  return toCaseDetail(db, actor, row, access);
}

const editable = ["title", "summary", "severity", "tags", "dueDate", "leadId", "subjectName", "subjectRole", "subjectTeam", "subjectHiringChannel", "subjectStartDate", "subjectAccessLevel", "subjectLocation"] as const;

/** Saves edits made against `version`; if someone saved in between, answers conflict with the current case. */
export async function updateCase({ actor, caseId, input }: { actor: Actor; caseId: string; input: CaseUpdate }): Promise<CaseDetail> {
  const data = parseOrThrow(caseUpdateSchema, input);
  return db.transaction(async (tx) => {
    const { row, access } = await loadCase(tx, actor, caseId, { forUpdate: true });
    authorize(actor, "case:update", { case: access }, "Case");
    if (data.version !== row.version) {
      const current = await toCaseDetail(tx, actor, row, access);
      throw new AppError("conflict", "Someone else changed this case since you opened it", { current, yourVersion: data.version });
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
    await recordAudit(tx, { actor, action: "case.update", entityType: "case", entityId: caseId, caseId, detail: { changes } });
    return toCaseDetail(tx, actor, updated, { ...access, leadId: updated.leadId });
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
  };
}

export async function transitionCase({ actor, caseId, input }: { actor: Actor; caseId: string; input: TransitionInput }): Promise<CaseDetail> {
  const data = parseOrThrow(transitionSchema, input);
  return changesGraph(db.transaction(async (tx) => {
    const { row, access } = await loadCase(tx, actor, caseId, { forUpdate: true });
    authorize(actor, "case:transition", { case: access }, "Case");
    if (data.version !== undefined && data.version !== row.version) {
      throw new AppError("conflict", "Someone else changed this case since you opened it", { current: await toCaseDetail(tx, actor, row, access) });
    }
    const problem = checkTransition(row.status, data.to, data.reason);
    if (problem?.kind === "illegal") {
      throw new AppError("conflict", `A case in ${row.status} cannot move to ${data.to}`, { from: row.status, allowed: problem.allowed });
    }
    if (problem?.kind === "reason_required") throw new AppError("bad_request", problem.message, [{ path: "reason", message: problem.message }]);
    if (data.to === "closed") await assertNoOpenTasks(tx, caseId);
    if (data.to === "referred") await assertFiledReferral(tx, caseId);
    const now = new Date();
    const final = data.to === "closed" || data.to === "cleared";
    const reopening = row.status === "closed" || row.status === "cleared";
    const [updated] = await tx
      .update(cases)
      .set({
        status: data.to,
        version: row.version + 1,
        ...(data.to === "contained" && !row.containedAt ? { containedAt: now } : {}),
        ...(final ? { closedAt: now, closingReason: data.reason?.trim() ?? null } : {}),
        ...(reopening ? { closedAt: null, closingReason: null } : {}),
      })
      .where(eq(cases.id, caseId))
      .returning();
    if (!updated) throw AppError.notFound("Case");
    await recordAudit(tx, {
      actor,
      action: reopening ? "case.reopen" : "case.transition",
      entityType: "case",
      entityId: caseId,
      caseId,
      detail: { from: row.status, to: data.to, ...(data.reason ? { reason: data.reason.trim() } : {}) },
    });
    return toCaseDetail(tx, actor, updated, { ...access, status: updated.status });
  }));
}
