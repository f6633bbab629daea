import { and, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { caseMembers, cases, disclosures, type Referral, referrals, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can, type CaseAccess } from "@/lib/auth/policy";
import { destinationLabel } from "./destinations";
import type { ReferralView } from "./views";
import { allowedReferralMoves, openReferralStatuses } from "./workflow";

export function isReferralOverdue(r: Pick<Referral, "deadlineAt" | "status">, now = new Date()): boolean {
  return r.deadlineAt !== null && r.deadlineAt.getTime() < now.getTime() && openReferralStatuses.includes(r.status);
}

/** SQL twin of isReferralOverdue, for sorting overdue referrals first. */
export const overdueSql = sql<boolean>`(${referrals.deadlineAt} is not null and ${referrals.deadlineAt} < now() and ${referrals.status} in ('draft', 'submitted', 'acknowledged'))`;

/**
 * Referrals with what a view needs: their case, the creator, how many disclosures, and the
 * actor's own membership of the case so permissions can be judged per row.
 */
export function selectReferrals(runner: DbOrTx, actor: Actor) {
  return runner
    .select({
      referral: referrals,
      caseRef: cases.ref,
      caseTitle: cases.title,
      caseStatus: cases.status,
      leadId: cases.leadId,
      memberRole: caseMembers.role,
      creatorName: users.name,
      creatorEmail: users.email,
      disclosureCount: sql<number>`(select count(*)::int from ${disclosures} where ${disclosures.referralId} = ${referrals.id})`,
    })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .leftJoin(caseMembers, and(eq(caseMembers.caseId, cases.id), eq(caseMembers.userId, actor.id)))
    .leftJoin(users, eq(users.id, referrals.createdById))
    .$dynamic();
}

type Row = Awaited<ReturnType<ReturnType<typeof selectReferrals>["where"]>>[number];

export async function findReferralViews(runner: DbOrTx, actor: Actor, where: SQL | undefined): Promise<ReferralView[]> {
  const rows = await selectReferrals(runner, actor).where(where);
  return rows.map((row) => toReferralView(actor, row));
}

export function toReferralView(actor: Actor, row: Row, now = new Date()): ReferralView {
  const r = row.referral;
  const access: CaseAccess = { status: row.caseStatus, leadId: row.leadId, memberRole: row.memberRole };
  const manage = can(actor, "referral:manage", { case: access });
  return {
    id: r.id,
    case: { id: r.caseId, ref: row.caseRef, title: row.caseTitle },
    destination: r.destination,
    destinationName: r.destinationName,
    destinationLabel: destinationLabel(r.destination, r.destinationName),
    status: r.status,
    referenceNo: r.referenceNo,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    contact: r.contact,
    deadlineAt: r.deadlineAt?.toISOString() ?? null,
    overdue: isReferralOverdue(r, now),
    notes: r.notes,
    createdBy:
      r.createdById && row.creatorName !== null && row.creatorEmail !== null
        ? { id: r.createdById, name: row.creatorName, email: row.creatorEmail }
        : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    disclosureCount: Number(row.disclosureCount),
    allowedTransitions: manage ? [...allowedReferralMoves(r.status)] : [],
    permissions: { manage },
  };
}
