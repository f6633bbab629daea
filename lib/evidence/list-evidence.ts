import { and, asc, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { evidence, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { env } from "@/lib/env";
import { toEvidenceView } from "./access";
import type { EvidenceList } from "./views";

/** A case's live items in exhibit order, with what the actor may do. */
export async function listEvidence({ actor, caseId }: { actor: Actor; caseId: string }): Promise<EvidenceList> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "evidence:read_metadata", { case: access }, "Case");
  const rows = await db
    .select({ row: evidence, name: users.name, email: users.email })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.uploadedById))
    .where(and(eq(evidence.caseId, caseId), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.exhibitNo));
  return {
    items: rows.map(({ row, name, email }) =>
      toEvidenceView(actor, row, access, name && email ? actorLabel({ name, email }) : null),
    ),
    permissions: { upload: can(actor, "evidence:upload", { case: access }) },
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
  };
}
