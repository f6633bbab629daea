import type { Tx } from "@/db";
import { casePersonaRoles, casePersonas, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { queueMatching } from "@/lib/matching/queue-matching";
import { assertEvidenceUsable } from "./access";
import { personaInputSchema } from "./schema";

type ParsedInput = ReturnType<typeof personaInputSchema.parse>;

/** Inserts a persona (and its first case link) inside the caller's transaction. */
export async function insertPersona(
  tx: Tx,
  actor: Actor,
  data: ParsedInput,
  attach?: { caseId: string; role: (typeof casePersonaRoles)[number] },
) {
  await assertEvidenceUsable(tx, actor, data.photoEvidenceId, "photoEvidenceId");
  const [row] = await tx
    .insert(personas)
    .values({ ...data, photoEvidenceId: data.photoEvidenceId ?? null, createdById: actor.id })
    .returning();
  if (!row) throw new Error("persona insert returned nothing");
  if (attach)
    await tx
      .insert(casePersonas)
      .values({ caseId: attach.caseId, personaId: row.id, role: attach.role, addedById: actor.id });
  await queueMatching(tx, [row.id]);
  return row;
}
