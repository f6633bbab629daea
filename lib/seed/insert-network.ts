import type { Tx } from "@/db";
import { identifiers, personaIdentifiers, personaLinks, personaRedFlags, personas } from "@/db/schema";
import { splitAttributes } from "@/lib/identifiers/types";
import type { Clock } from "./clock";
import { demoCases } from "./cases";
import { demoIdentifiers } from "./identifiers";
import { demoPersonaLinks, demoPersonas, type PersonaKey } from "./personas";

export interface NetworkCounts {
  personas: number;
  redFlags: number;
  identifiers: number;
  personaIdentifiers: number;
  personaLinks: number;
}

/** A persona is "recorded" when the first case that names it was opened. */
function recordedDaysAgo(key: PersonaKey): number {
  const days = demoCases.filter((c) => c.personas.some((p) => p.persona === key)).map((c) => c.openedDaysAgo);
  return days.length > 0 ? Math.max(...days) : 1;
}

/** Inserts personas, their red flags, identifiers and explicit links; returns persona ids by key. */
export async function insertNetwork(
  tx: Tx,
  { clock, recordedById }: { clock: Clock; recordedById: string },
): Promise<{ personaIds: Map<PersonaKey, string>; counts: NetworkCounts }> {
  const personaIds = new Map<PersonaKey, string>();
  const idOf = (key: PersonaKey): string => {
    const id = personaIds.get(key);
    if (!id) throw new Error(`demo seed: unknown persona ${key}`);
    return id;
  };
  const daysAgo = new Map(demoPersonas.map((p) => [p.key, recordedDaysAgo(p.key)]));
  const recordedAt = (key: PersonaKey) => clock.at(-(daysAgo.get(key) ?? 1));

  for (const p of demoPersonas) {
    const created = recordedAt(p.key);
    const [row] = await tx
      .insert(personas)
      .values({
        displayName: p.displayName,
        aliases: p.aliases,
        claimedLocation: p.claimedLocation,
        claimedTimezone: p.claimedTimezone,
        claimedNationality: p.claimedNationality,
        claimedEducation: p.claimedEducation,
        claimedEmployers: p.claimedEmployers,
        status: p.status,
        notes: p.notes,
        riskScore: p.riskScore,
        createdById: recordedById,
        createdAt: created,
        updatedAt: created,
      })
      .returning({ id: personas.id });
    if (!row) throw new Error("demo seed: persona insert returned nothing");
    personaIds.set(p.key, row.id);
  }

  const flagRows = demoPersonas.flatMap((p) =>
    p.redFlags.map((f) => ({
      personaId: idOf(p.key),
      code: f.code,
      note: f.note,
      recordedById,
      recordedAt: recordedAt(p.key),
    })),
  );
  await tx.insert(personaRedFlags).values(flagRows);

  let links = 0;
  for (const ident of demoIdentifiers) {
    const { derived, claimed } = splitAttributes(ident.attributes);
    // An identifier is first recorded together with the earliest persona it was seen on.
    const firstRecorded = Math.max(...ident.seenOn.map((s) => daysAgo.get(s.persona) ?? 1));
    const [row] = await tx
      .insert(identifiers)
      .values({
        type: ident.type,
        value: ident.value,
        normalizedValue: ident.normalizedValue,
        chain: ident.chain ?? null,
        attributes: derived,
        createdAt: clock.at(-firstRecorded),
      })
      .returning({ id: identifiers.id });
    if (!row) throw new Error("demo seed: identifier insert returned nothing");
    await tx.insert(personaIdentifiers).values(
      ident.seenOn.map((s) => ({
        personaId: idOf(s.persona),
        identifierId: row.id,
        value: ident.value,
        confidence: s.confidence,
        attributes: claimed,
        assertedById: recordedById,
        observedAt: clock.at(-s.observedDaysAgo),
        createdAt: recordedAt(s.persona),
      })),
    );
    links += ident.seenOn.length;
  }

  await tx.insert(personaLinks).values(
    demoPersonaLinks.map((l) => {
      const created = clock.at(-Math.min(daysAgo.get(l.from) ?? 1, daysAgo.get(l.to) ?? 1));
      return {
        fromPersonaId: idOf(l.from),
        toPersonaId: idOf(l.to),
        relation: l.relation,
        confidence: l.confidence,
        rationale: l.rationale,
        createdById: recordedById,
        createdAt: created,
        updatedAt: created,
      };
    }),
  );

  return {
    personaIds,
    counts: {
      personas: demoPersonas.length,
      redFlags: flagRows.length,
      identifiers: demoIdentifiers.length,
      personaIdentifiers: links,
      personaLinks: demoPersonaLinks.length,
    },
  };
}
