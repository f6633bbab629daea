import { eq } from "drizzle-orm";
import { db } from "@/db";
import { caseMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
// Who is in a case decides who sees its personas.
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { type MemberInput, memberInputSchema } from "./schema";
import type { CaseMemberView } from "./views";

/** Adding someone gives them access to the case at once. */
export async function addMember({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: MemberInput;
}): Promise<CaseMemberView> {
  const data = parseOrThrow(memberInputSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const { row, access } = await loadCase(tx, actor, caseId, { forUpdate: true });
      authorize(actor, "case:manage_members", { case: access }, "Case");
      const [user] = await tx
        .select({ id: users.id, name: users.name, email: users.email, disabled: users.disabled })
        .from(users)
        .where(data.userId ? eq(users.id, data.userId) : eq(users.email, data.email ?? ""));
      if (!user || user.disabled)
        throw new AppError("bad_request", "No active user with that id or email", [
          { path: data.userId ? "userId" : "email", message: "No active user" },
        ]);
      if (user.id === row.leadId) throw new AppError("conflict", `${user.name} already leads this case`);
      const [member] = await tx
        .insert(caseMembers)
        .values({ caseId, userId: user.id, role: data.role, addedById: actor.id })
        .onConflictDoUpdate({ target: [caseMembers.caseId, caseMembers.userId], set: { role: data.role } })
        .returning();
      if (!member) throw new Error("member upsert returned nothing");
      await recordAudit(tx, {
        actor,
        action: "case.member_add",
        entityType: "case",
        entityId: caseId,
        caseId,
        detail: { userId: user.id, email: user.email, role: data.role },
      });
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        role: member.role,
        addedAt: member.addedAt.toISOString(),
      };
    }),
  );
}
