import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { caseMembers, cases, users, type UserRole } from "@/db/schema";
import { seesCase } from "@/lib/auth/policy";

export interface Recipient {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/**
 * The active users among `userIds` who may see the case (every active one when there is no case).
 * Need-to-know is decided here, at the moment of telling, by the same policy as every read: a
 * person who cannot open the case is never told anything about it.
 */
export async function allowedRecipients(
  runner: DbOrTx,
  caseId: string | null,
  userIds: readonly string[],
): Promise<Recipient[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const people = await runner
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false)));
  if (!caseId) return people;
  const [kase] = await runner
    .select({ status: cases.status, leadId: cases.leadId })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!kase) return [];
  const memberships = await runner
    .select({ userId: caseMembers.userId, role: caseMembers.role })
    .from(caseMembers)
    .where(and(eq(caseMembers.caseId, caseId), inArray(caseMembers.userId, ids)));
  const roleOf = new Map(memberships.map((m) => [m.userId, m.role]));
  return people.filter((p) =>
    seesCase(
      { id: p.id, email: p.email, name: p.name, role: p.role, via: "cli" },
      {
        status: kase.status,
        leadId: kase.leadId,
        memberRole: roleOf.get(p.id) ?? null,
      },
    ),
  );
}

/** Who works a case: its lead and members (observers too: they follow it). */
export async function caseTeam(runner: DbOrTx, caseId: string): Promise<string[]> {
  const [kase] = await runner.select({ leadId: cases.leadId }).from(cases).where(eq(cases.id, caseId));
  const members = await runner
    .select({ userId: caseMembers.userId })
    .from(caseMembers)
    .where(eq(caseMembers.caseId, caseId));
  return [...(kase?.leadId ? [kase.leadId] : []), ...members.map((m) => m.userId)];
}
