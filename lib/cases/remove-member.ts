import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
// Who is in a case decides who sees its personas.
import { changesGraph } from "@/lib/graph/cache";
import { AppError } from "@/lib/errors";
import { loadCase } from "./access";

/** Removing someone takes their access away with the commit: visibility is checked per request. */
export async function removeMember({
  actor,
  caseId,
  userId,
}: {
  actor: Actor;
  caseId: string;
  userId: string;
}): Promise<void> {
  await changesGraph(
    db.transaction(async (tx) => {
      const { access } = await loadCase(tx, actor, caseId, { forUpdate: true });
      authorize(actor, "case:manage_members", { case: access }, "Case");
      const removed = await tx
        .delete(caseMembers)
        .where(and(eq(caseMembers.caseId, caseId), eq(caseMembers.userId, userId)))
        .returning({ userId: caseMembers.userId, role: caseMembers.role });
      if (removed.length === 0) throw AppError.notFound("Member");
      await recordAudit(tx, {
        actor,
        action: "case.member_remove",
        entityType: "case",
        entityId: caseId,
        caseId,
        detail: { userId, role: removed[0]?.role },
      });
    }),
  );
}
