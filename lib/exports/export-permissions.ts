import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { evidence } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";

/** What the case page needs to offer the export button: the permissions, and which live items are marked privileged. */
export async function exportPermissions({
  actor,
  caseId,
}: {
  actor: Actor;
  caseId: string;
}): Promise<{ create: boolean; read: boolean; privilegedEvidenceIds: string[] }> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  const create = can(actor, "export:create", { case: access });
  const privileged = create
    ? await db
        .select({ id: evidence.id })
        .from(evidence)
        .where(and(eq(evidence.caseId, caseId), isNull(evidence.deletedAt), eq(evidence.privileged, true)))
    : [];
  return {
    create,
    read: can(actor, "export:read", { case: access }),
    privilegedEvidenceIds: privileged.map((r) => r.id),
  };
}
