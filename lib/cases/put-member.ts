import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { type CaseMemberRole, caseMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { notifyMemberAdded } from "@/lib/notifications/events";
import type { CaseMemberView } from "./views";

/**
 * Makes a user a member of a case with `role` (changing the role of one who already is), with its
 * audit event. The caller has locked the case and authorized the change; `leadId` is the case's.
 * Shared by adding a member, asking legal to review and granting a request for access.
 */
export async function putMember(
  tx: Tx,
  {
    actor,
    caseId,
    leadId,
    who,
    role,
    because,
  }: {
    actor: Actor;
    caseId: string;
    leadId: string | null;
    who: { userId: string } | { email: string };
    role: CaseMemberRole;
    /** Why, for the audit detail (e.g. the request it grants). */
    because?: Record<string, unknown>;
  },
): Promise<CaseMemberView> {
  const [user] = await tx
    .select({ id: users.id, name: users.name, email: users.email, disabled: users.disabled })
    .from(users)
    .where("userId" in who ? eq(users.id, who.userId) : eq(users.email, who.email));
  if (!user || user.disabled)
    throw new AppError("bad_request", "No active user with that id or email", [
      { path: "userId" in who ? "userId" : "email", message: "No active user" },
    ]);
  if (user.id === leadId) throw new AppError("conflict", `${user.name} already leads this case`);
  const [member] = await tx
    .insert(caseMembers)
    .values({ caseId, userId: user.id, role, addedById: actor.id })
    .onConflictDoUpdate({ target: [caseMembers.caseId, caseMembers.userId], set: { role } })
    .returning();
  if (!member) throw new Error("member upsert returned nothing");
  await notifyMemberAdded(tx, { actorId: actor.id, caseId, userId: user.id, role });
  await recordAudit(tx, {
    actor,
    action: "case.member_add",
    entityType: "case",
    entityId: caseId,
    caseId,
    detail: { userId: user.id, email: user.email, role, ...because },
  });
  return { id: user.id, name: user.name, email: user.email, role: member.role, addedAt: member.addedAt.toISOString() };
}
