import { eq } from "drizzle-orm";
import { db } from "@/db";
import { personaLinks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { queueMatching } from "@/lib/matching/queue-matching";
import { assertLinkWritable, loadLink } from "./link-access";

export async function deleteLink({ actor, linkId }: { actor: Actor; linkId: string }): Promise<void> {
  authorize(actor, "persona:write");
  await changesGraph(
    db.transaction(async (tx) => {
      const row = await loadLink(tx, actor, linkId);
      await assertLinkWritable(tx, actor, row.fromPersonaId, row.toPersonaId);
      await tx.delete(personaLinks).where(eq(personaLinks.id, linkId));
      // A pair linked by hand was never scored; without the link it may be a candidate again.
      await queueMatching(tx, [row.fromPersonaId, row.toPersonaId]);
      await recordAudit(tx, {
        actor,
        action: "persona_link.delete",
        entityType: "persona_link",
        entityId: linkId,
        detail: { from: row.fromPersonaId, to: row.toPersonaId, relation: row.relation, status: row.status },
      });
    }),
  );
}
