import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  casePersonas,
  evidence,
  identifiers,
  personaIdentifiers,
  personaLinks,
  personaRedFlags,
  personas,
} from "@/db/schema";
import { exhibitLabel } from "@/lib/evidence/views";
import { iso, type PackHolding, type PackIdentifier, type PackLink, type PackPersona } from "./data";

export interface PackNetwork {
  personas: PackPersona[];
  identifiers: PackIdentifier[];
  holdings: PackHolding[];
  links: PackLink[];
}

/**
 * The personas attached to the case, the identifiers they hold and the confirmed links between
 * them. Personas of other cases stay out even when they share an identifier: a pack discloses
 * this case, not every investigation the identifier appears in.
 */
export async function readNetwork(runner: DbOrTx, caseId: string): Promise<PackNetwork> {
  const people = await runner
    .select({ p: personas, role: casePersonas.role })
    .from(casePersonas)
    .innerJoin(personas, eq(personas.id, casePersonas.personaId))
    .where(eq(casePersonas.caseId, caseId))
    .orderBy(asc(personas.displayName), asc(personas.id));
  const ids = people.map((r) => r.p.id);
  if (ids.length === 0) return { personas: [], identifiers: [], holdings: [], links: [] };
  const [flags, holds, links] = await Promise.all([
    runner
      .select()
      .from(personaRedFlags)
      .where(inArray(personaRedFlags.personaId, ids))
      .orderBy(asc(personaRedFlags.code)),
    runner
      .select({ h: personaIdentifiers, i: identifiers, exhibitNo: evidence.exhibitNo })
      .from(personaIdentifiers)
      .innerJoin(identifiers, eq(identifiers.id, personaIdentifiers.identifierId))
      .leftJoin(evidence, eq(evidence.id, personaIdentifiers.sourceEvidenceId))
      .where(inArray(personaIdentifiers.personaId, ids))
      .orderBy(asc(identifiers.type), asc(identifiers.normalizedValue)),
    runner
      .select({ l: personaLinks, exhibitNo: evidence.exhibitNo })
      .from(personaLinks)
      .leftJoin(evidence, eq(evidence.id, personaLinks.evidenceId))
      .where(
        and(
          eq(personaLinks.status, "confirmed"),
          inArray(personaLinks.fromPersonaId, ids),
          inArray(personaLinks.toPersonaId, ids),
        ),
      )
      .orderBy(asc(personaLinks.createdAt), asc(personaLinks.id)),
  ]);
  const flagsOf = new Map<string, PackPersona["redFlags"]>();
  for (const f of flags)
    flagsOf.set(f.personaId, [
      ...(flagsOf.get(f.personaId) ?? []),
      { code: f.code, note: f.note, recordedAt: f.recordedAt.toISOString() },
    ]);
  const identifierById = new Map<string, PackIdentifier>();
  for (const { i } of holds) {
    identifierById.set(i.id, {
      id: i.id,
      type: i.type,
      value: i.value,
      normalizedValue: i.normalizedValue,
      chain: i.chain,
      attributes: i.attributes,
      createdAt: i.createdAt.toISOString(),
    });
  }
  return {
    personas: people.map(({ p, role }) => ({
      id: p.id,
      displayName: p.displayName,
      aliases: p.aliases,
      status: p.status,
      caseRole: role,
      riskScore: p.riskScore,
      claimedLocation: p.claimedLocation,
      claimedTimezone: p.claimedTimezone,
      claimedNationality: p.claimedNationality,
      redFlags: flagsOf.get(p.id) ?? [],
      createdAt: p.createdAt.toISOString(),
    })),
    identifiers: [...identifierById.values()],
    holdings: holds.map(({ h, exhibitNo }) => ({
      personaId: h.personaId,
      identifierId: h.identifierId,
      confidence: h.confidence,
      attributes: h.attributes,
      sourceExhibit: exhibitNo === null ? null : exhibitLabel(exhibitNo),
      sourcePage: exhibitNo === null ? null : (h.sourceLocation?.page ?? null),
      observedAt: iso(h.observedAt),
      createdAt: h.createdAt.toISOString(),
    })),
    links: links.map(({ l, exhibitNo }) => ({
      id: l.id,
      fromPersonaId: l.fromPersonaId,
      toPersonaId: l.toPersonaId,
      relation: l.relation,
      confidence: l.confidence,
      rationale: l.rationale,
      evidenceExhibit: exhibitNo === null ? null : exhibitLabel(exhibitNo),
      createdAt: l.createdAt.toISOString(),
    })),
  };
}
