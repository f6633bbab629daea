import { sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { identifiers, personaIdentifiers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { queueMatching } from "@/lib/matching/queue-matching";
import { raiseSanctionsFlags, screenedTypes } from "@/lib/sanctions/raise-flags";
import { AppError, parseOrThrow } from "@/lib/errors";
import { claimedCountryOf } from "@/lib/identifiers/claimed-country";
import { normalizeIdentifier } from "@/lib/identifiers/normalize";
import { phoneRegionFor } from "@/lib/settings/get-settings";
import type { NormalizedIdentifier } from "@/lib/identifiers/types";
import { resolveExhibitRef } from "@/lib/evidence/resolve-exhibit";
import { identifierSource } from "./identifier-source";
import { assertEvidenceUsable, assertPersonaWritable, loadPersona, visibleCasesOf } from "./access";
import { correlate, holdersOf, noMatches } from "./correlation";
import { flagReuseOfClaim } from "./raise-reuse-flags";
import { toIdentifierView } from "./present";
import { type IdentifierInput, identifierInputSchema } from "./schema";
import type { PersonaIdentifierView } from "./views";

/**
 * The one row for (type, normalised value), in one round trip whether it is new or not. An
 * existing row keeps its first-entered value, chain and derived facts (other personas' records
 * rest on them); what this person says about it goes on their claim, never on the shared row,
 * which every holder's reader sees (need-to-know).
 */
async function upsertIdentifier(tx: Tx, { claimAttributes: _claim, ...n }: NormalizedIdentifier) {
  const [row] = await tx
    .insert(identifiers)
    .values(n)
    .onConflictDoUpdate({
      target: [identifiers.type, identifiers.normalizedValue],
      // A no-op update, so that RETURNING answers the existing row too.
      set: { type: sql`excluded.type` },
    })
    .returning()
    .prepare("upsert_identifier")
    .execute();
  if (!row) throw new Error("identifier upsert returned nothing");
  return row;
}

/**
 * Records that a persona holds an identifier and answers, in the same call, every other persona
 * that already holds it (as far as the actor may know). Bad values fail before anything is written.
 */
export async function addIdentifier({
  actor,
  personaId,
  input,
}: {
  actor: Actor;
  personaId: string;
  input: IdentifierInput;
}): Promise<PersonaIdentifierView> {
  authorize(actor, "persona:write");
  const data = parseOrThrow(identifierInputSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const persona = await loadPersona(tx, actor, personaId);
      await assertPersonaWritable(tx, actor, personaId);
      // A national phone number is read in the request's region, else the country the persona
      // claims to be in, else the organisation's. Bad values fail here, before anything is written.
      const defaultCountry =
        data.type === "phone"
          ? (data.defaultCountry ?? claimedCountryOf(persona) ?? (await phoneRegionFor(undefined, tx)))
          : data.defaultCountry;
      const normalized = normalizeIdentifier({ ...data, defaultCountry });
      // An exhibit number is looked up only in the persona's cases the actor may see.
      const cases = await visibleCasesOf(tx, actor, [personaId]);
      const sourceEvidenceId = await resolveExhibitRef(
        tx,
        cases.map((c) => c.id),
        data.sourceEvidenceId,
        "sourceEvidenceId",
        "this persona's cases",
      );
      await assertEvidenceUsable(tx, actor, sourceEvidenceId, "sourceEvidenceId");
      const source = await identifierSource(tx, sourceEvidenceId, data.sourceLocation);
      const identifier = await upsertIdentifier(tx, normalized);
      const [link] = await tx
        .insert(personaIdentifiers)
        .values({
          personaId,
          identifierId: identifier.id,
          value: normalized.value,
          sourceEvidenceId: sourceEvidenceId ?? null,
          sourceLocation: data.sourceLocation ?? null,
          confidence: data.confidence,
          attributes: normalized.claimAttributes,
          assertedById: actor.id,
          observedAt: data.observedAt ? new Date(data.observedAt) : null,
        })
        .onConflictDoNothing()
        .returning()
        .prepare("insert_persona_identifier")
        .execute();
      if (!link)
        throw new AppError(
          "conflict",
          `This persona already has the ${identifier.type.replace(/_/g, " ")} ${identifier.value}`,
          { identifierId: identifier.id },
        );
      await queueMatching(tx, [personaId]);
      const holders = await holdersOf(tx, actor, [identifier.id], personaId);
      const matches = correlate(holders).get(identifier.id) ?? noMatches;
      await recordAudit(tx, {
        actor,
        action: "persona.identifier_add",
        entityType: "persona",
        entityId: personaId,
        detail: {
          identifierId: identifier.id,
          type: identifier.type,
          value: identifier.value,
          confidence: link.confidence,
          holders: holders.length + 1,
          ...(source ? { source: `${source.exhibitNo}${source.page ? ` p. ${source.page}` : ""}` } : {}),
        },
      });
      // Screening on change: a listed identifier flags the persona at once, as the system.
      if (screenedTypes.has(identifier.type)) await raiseSanctionsFlags(tx, [personaId]);
      // An identifier a confirmed persona holds flags the persona at once, as the system.
      await flagReuseOfClaim(tx, personaId, identifier.id);
      return {
        ...toIdentifierView(identifier),
        value: link.value ?? identifier.value,
        claimAttributes: link.attributes,
        confidence: link.confidence,
        sourceEvidenceId: link.sourceEvidenceId,
        source,
        assertedBy: { id: actor.id, name: actor.name },
        observedAt: link.observedAt?.toISOString() ?? null,
        addedAt: link.createdAt.toISOString(),
        matches,
      };
    }),
  );
}
