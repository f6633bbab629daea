import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { identifiers, personaIdentifiers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { queueMatching } from "@/lib/matching/queue-matching";
import { AppError } from "@/lib/errors";
import { assertPersonaWritable, loadPersona } from "./access";

/** Removes the persona's claim; an identifier nobody holds any more is deleted with it. */
export async function removeIdentifier({
  actor,
  personaId,
  identifierId,
}: {
  actor: Actor;
  personaId: string;
  identifierId: string;
}): Promise<void> {
  authorize(actor, "persona:write");
  await changesGraph(
    db.transaction(async (tx) => {
      await loadPersona(tx, actor, personaId);
      await assertPersonaWritable(tx, actor, personaId);
      const removed = await tx
        .delete(personaIdentifiers)
        .where(and(eq(personaIdentifiers.personaId, personaId), eq(personaIdentifiers.identifierId, identifierId)))
        .returning({ confidence: personaIdentifiers.confidence });
      if (removed.length === 0) throw AppError.notFound("Identifier on this persona");
      await queueMatching(tx, [personaId]);
      // Lock first, so a concurrent add that already holds the identifier is seen before deciding it is orphaned.
      await tx.select({ id: identifiers.id }).from(identifiers).where(eq(identifiers.id, identifierId)).for("update");
      const orphan = await tx
        .delete(identifiers)
        .where(
          and(
            eq(identifiers.id, identifierId),
            sql`not exists (select 1 from ${personaIdentifiers} where ${personaIdentifiers.identifierId} = ${identifierId})`,
          ),
        )
        .returning({ type: identifiers.type, value: identifiers.value });
      await recordAudit(tx, {
        actor,
        action: "persona.identifier_remove",
        entityType: "persona",
        entityId: personaId,
        detail: { identifierId, deletedIdentifier: orphan.length > 0 },
      });
    }),
  );
}
