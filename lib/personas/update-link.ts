import { eq } from "drizzle-orm";
import { db } from "@/db";
import { personaLinks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { parseOrThrow } from "@/lib/errors";
import { assertEvidenceUsable } from "./access";
import { assertLinkWritable, loadLink } from "./link-access";
import { duplicate, pair } from "./link-duplicates";
import { linkView } from "./link-views";
import { type LinkUpdate, linkUpdateSchema } from "./schema";
import type { LinkView } from "./views";

export async function updateLink({
  actor,
  linkId,
  input,
}: {
  actor: Actor;
  linkId: string;
  input: LinkUpdate;
}): Promise<LinkView> {
  authorize(actor, "persona:write");
  const data = parseOrThrow(linkUpdateSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const row = await loadLink(tx, actor, linkId);
      await assertLinkWritable(tx, actor, row.fromPersonaId, row.toPersonaId);
      if (data.evidenceId) await assertEvidenceUsable(tx, actor, data.evidenceId, "evidenceId");
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ["relation", "status", "confidence", "rationale", "evidenceId"] as const) {
        if (data[key] !== undefined && data[key] !== row[key]) changes[key] = { from: row[key], to: data[key] };
      }
      if (Object.keys(changes).length === 0) return linkView(tx, actor, linkId);
      if (changes.relation) {
        const clash = (await tx.select().from(personaLinks).where(pair(row.fromPersonaId, row.toPersonaId))).find(
          (l) => l.id !== row.id && l.relation === data.relation,
        );
        if (clash)
          throw duplicate(
            `These personas already have a ${clash.status} ${clash.relation.replace(/_/g, " ")} link`,
            clash.id,
          );
      }
      await tx
        .update(personaLinks)
        .set(Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])))
        .where(eq(personaLinks.id, linkId));
      // Read before the audit event: the chain stays locked from the append to the commit.
      const answer = await linkView(tx, actor, linkId);
      await recordAudit(tx, {
        actor,
        action: "persona_link.update",
        entityType: "persona_link",
        entityId: linkId,
        detail: { changes },
      });
      return answer;
    }),
  );
}
