import { eq } from "drizzle-orm";
import { db } from "@/db";
import { personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { changesGraph } from "@/lib/graph/cache";
import { queueMatching } from "@/lib/matching/queue-matching";
import { assertEvidenceUsable, assertPersonaWritable, loadPersona } from "./access";
import { toPersonaDetail } from "./present";
import { flagReuseOfConfirmed } from "./raise-reuse-flags";
import { type PersonaUpdate, personaUpdateSchema } from "./schema";
import type { PersonaDetail } from "./views";

const editable = [
  "displayName",
  "aliases",
  "claimedLocation",
  "claimedTimezone",
  "claimedNationality",
  "claimedEducation",
  "claimedEmployers",
  "status",
  "notes",
  "photoEvidenceId",
] as const;

/** Saves edits made against `version`; a stale version answers conflict with the current persona. */
export async function updatePersona({
  actor,
  personaId,
  input,
}: {
  actor: Actor;
  personaId: string;
  input: PersonaUpdate;
}): Promise<PersonaDetail> {
  authorize(actor, "persona:write");
  const data = parseOrThrow(personaUpdateSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const row = await loadPersona(tx, actor, personaId, { forUpdate: true });
      await assertPersonaWritable(tx, actor, personaId);
      if (data.version !== row.version) {
        throw new AppError("conflict", "Someone else changed this persona since you opened it", {
          current: await toPersonaDetail(tx, actor, row),
          yourVersion: data.version,
        });
      }
      if (data.photoEvidenceId !== undefined)
        await assertEvidenceUsable(tx, actor, data.photoEvidenceId, "photoEvidenceId");
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of editable) {
        const to = data[key];
        if (to === undefined) continue;
        if (JSON.stringify(row[key]) !== JSON.stringify(to)) changes[key] = { from: row[key], to };
      }
      if (Object.keys(changes).length === 0) return toPersonaDetail(tx, actor, row);
      const values = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
      const [updated] = await tx
        .update(personas)
        .set({ ...values, version: row.version + 1 })
        .where(eq(personas.id, personaId))
        .returning();
      if (!updated) throw AppError.notFound("Persona");
      // Notes can be long; the audit keeps that they changed, not the text twice.
      if (changes.notes)
        changes.notes = { from: `${row.notes.length} characters`, to: `${updated.notes.length} characters` };
      await recordAudit(tx, {
        actor,
        action: "persona.update",
        entityType: "persona",
        entityId: personaId,
        detail: { changes },
      });
      // Names and credentials are what matching compares: the persona is scored again.
      if (changes.displayName || changes.aliases || changes.claimedEmployers || changes.claimedEducation)
        await queueMatching(tx, [personaId]);
      // A newly confirmed operator makes every identifier it shares a reuse, flagged as the system.
      if (changes.status && updated.status === "confirmed") await flagReuseOfConfirmed(tx, personaId);
      return toPersonaDetail(tx, actor, updated);
    }),
  );
}
