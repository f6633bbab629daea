import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { preparedStatement } from "@/db";
import { caseMembers, cases, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, type CaseAccess } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { caseDetailOf } from "./present";
import type { CaseDetail, CaseMemberView } from "./views";

const leadUser = alias(users, "lead_user");
const member = alias(caseMembers, "member");
const memberUser = alias(users, "member_user");

// Built once: the case page asks for it on every visit.
const caseDetail = preparedStatement((db) =>
  db
    .select({
      row: cases,
      memberRole: caseMembers.role,
      leadId: leadUser.id,
      leadName: leadUser.name,
      leadEmail: leadUser.email,
      memberId: memberUser.id,
      memberName: memberUser.name,
      memberEmail: memberUser.email,
      memberRoleOnCase: member.role,
      memberAddedAt: member.addedAt,
    })
    .from(cases)
    .leftJoin(caseMembers, and(eq(caseMembers.caseId, cases.id), eq(caseMembers.userId, sql.placeholder("actorId"))))
    .leftJoin(leadUser, eq(leadUser.id, cases.leadId))
    .leftJoin(member, eq(member.caseId, cases.id))
    .leftJoin(memberUser, eq(memberUser.id, member.userId))
    .where(eq(cases.id, sql.placeholder("caseId")))
    .orderBy(asc(memberUser.name), asc(memberUser.email))
    .prepare("case_detail"),
);

/**
 * The case as the actor sees it, in one statement: the case with the actor's own membership (what
 * the need-to-know policy judges), its lead and one row per member, where loading the case, then
 * its members and lead took three statements and two round trips. Nothing read is returned unless
 * the actor may read the case; a case they may not see answers not_found, as a missing one does.
 */
export async function getCase({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseDetail> {
  const found = await caseDetail().execute({ actorId: actor.id, caseId });
  const first = found[0];
  if (!first) throw AppError.notFound("Case");
  const { row } = first;
  const access: CaseAccess = { status: row.status, leadId: row.leadId, memberRole: first.memberRole };
  authorize(actor, "case:read", { case: access }, "Case");
  const members: CaseMemberView[] = found.flatMap((f) =>
    f.memberId !== null && f.memberRoleOnCase !== null && f.memberAddedAt !== null
      ? [
          {
            id: f.memberId,
            name: f.memberName ?? "",
            email: f.memberEmail ?? "",
            role: f.memberRoleOnCase,
            addedAt: f.memberAddedAt.toISOString(),
          },
        ]
      : [],
  );
  const lead =
    first.leadId !== null ? { id: first.leadId, name: first.leadName ?? "", email: first.leadEmail ?? "" } : null;
  return caseDetailOf(actor, row, access, { members, lead });
}
