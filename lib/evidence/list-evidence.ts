import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/db";
import { evidence, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { env } from "@/lib/env";
import { toEvidenceView } from "./access";
import { type EvidenceList, exhibitLabel } from "./views";

/** A case's live items in exhibit order, with what the actor may do, and the numbers of those deleted. */
export async function listEvidence({ actor, caseId }: { actor: Actor; caseId: string }): Promise<EvidenceList> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "evidence:read_metadata", { case: access }, "Case");
  const rows = await db
    .select({ row: evidence, name: users.name, email: users.email })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.uploadedById))
    .where(and(eq(evidence.caseId, caseId), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.exhibitNo));
  const deleter = db
    .select({
      exhibitNo: evidence.exhibitNo,
      title: evidence.title,
      deletedAt: evidence.deletedAt,
      reason: evidence.deleteReason,
      name: users.name,
      email: users.email,
    })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.deletedById))
    .where(and(eq(evidence.caseId, caseId), isNotNull(evidence.deletedAt)))
    .orderBy(asc(evidence.exhibitNo));
  const removed = (await deleter).map((r) => ({
    exhibitNo: exhibitLabel(r.exhibitNo),
    title: r.title,
    deletedAt: r.deletedAt!.toISOString(),
    deletedBy: r.name && r.email ? actorLabel({ name: r.name, email: r.email }) : null,
    reason: r.reason,
  }));
  return {
    removed,
    items: rows.map(({ row, name, email }) =>
      toEvidenceView(actor, row, access, name && email ? actorLabel({ name, email }) : null),
    ),
    permissions: { upload: can(actor, "evidence:upload", { case: access }) },
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
  };
}
