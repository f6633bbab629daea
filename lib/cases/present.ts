import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { caseMembers, cases, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { type CaseAccess, can } from "@/lib/auth/policy";
import type { CaseDetail, CaseMemberView, CaseSummary } from "./views";
import { allowedTransitions, isOpen } from "./workflow";

type CaseRow = typeof cases.$inferSelect;
type Person = { id: string; name: string; email: string } | null;

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isOverdue(row: Pick<CaseRow, "dueDate" | "status">, now = new Date()): boolean {
  return row.dueDate !== null && row.dueDate < todayIso(now) && isOpen(row.status);
}

export function toCaseSummary(row: CaseRow, lead: Person): CaseSummary {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    status: row.status,
    severity: row.severity,
    lead,
    subjectName: row.subjectName,
    tags: row.tags,
    dueDate: row.dueDate,
    overdue: isOverdue(row),
    openedAt: row.openedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function loadPeople(runner: DbOrTx, caseId: string, leadId: string | null) {
  const [members, leads] = await Promise.all([
    runner
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: caseMembers.role,
        addedAt: caseMembers.addedAt,
      })
      .from(caseMembers)
      .innerJoin(users, eq(users.id, caseMembers.userId))
      .where(eq(caseMembers.caseId, caseId))
      .orderBy(asc(users.name), asc(users.email)),
    leadId
      ? runner
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, [leadId]))
      : [],
  ]);
  const memberViews: CaseMemberView[] = members.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() }));
  return { members: memberViews, lead: leads[0] ?? null };
}

/** The full case as the actor sees it, with the moves and edits the actor may make. */
export async function toCaseDetail(
  runner: DbOrTx,
  actor: Actor,
  row: CaseRow,
  access: CaseAccess,
): Promise<CaseDetail> {
  return caseDetailOf(actor, row, access, await loadPeople(runner, row.id, row.leadId));
}

/** toCaseDetail for a case whose members and lead were read with it. */
export function caseDetailOf(
  actor: Actor,
  row: CaseRow,
  access: CaseAccess,
  { members, lead }: { members: CaseMemberView[]; lead: Person },
): CaseDetail {
  const target = { case: access };
  const mayTransition = can(actor, "case:transition", target);
  return {
    ...toCaseSummary(row, lead),
    summary: row.summary,
    subject: {
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
    },
    members,
    containedAt: row.containedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    closingReason: row.closingReason,
    version: row.version,
    allowedTransitions: mayTransition ? [...allowedTransitions(row.status)] : [],
    permissions: {
      update: can(actor, "case:update", target),
      transition: mayTransition,
      manageMembers: can(actor, "case:manage_members", target),
      addNote: can(actor, "note:create", target),
    },
  };
}
