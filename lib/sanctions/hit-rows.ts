import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { identifiers, personaIdentifiers, sanctionsEntries, sanctionsKeys, sanctionsLists } from "@/db/schema";

/**
 * One row per (persona, listed identifier) where a claim's match key equals a listed one in the
 * given list versions: an equality join on (type, normalized_value), both sides keyed by the
 * persona normalisers. The caller decides who may see which personas.
 */
export function hitRows(runner: DbOrTx, personaIds: readonly string[], listIds: readonly string[]) {
  return runner
    .select({
      personaId: personaIdentifiers.personaId,
      entryId: sanctionsEntries.id,
      name: sanctionsEntries.name,
      entNum: sanctionsEntries.entNum,
      programs: sanctionsEntries.programs,
      type: sanctionsEntries.type,
      aliases: sanctionsEntries.aliases,
      remarksCut: sanctionsEntries.remarksCut,
      kind: sanctionsKeys.type,
      // As this claim entered it (null from bulk loads: the shared row's first spelling).
      value: sql<string>`coalesce(${personaIdentifiers.value}, ${identifiers.value})`,
      list: {
        id: sanctionsLists.id,
        source: sanctionsLists.source,
        publishedAt: sanctionsLists.publishedAt,
        sha256: sanctionsLists.sha256,
      },
    })
    .from(personaIdentifiers)
    .innerJoin(identifiers, eq(identifiers.id, personaIdentifiers.identifierId))
    .innerJoin(
      sanctionsKeys,
      and(eq(sanctionsKeys.type, identifiers.type), eq(sanctionsKeys.normalizedValue, identifiers.normalizedValue)),
    )
    .innerJoin(sanctionsEntries, eq(sanctionsEntries.id, sanctionsKeys.entryId))
    .innerJoin(sanctionsLists, eq(sanctionsLists.id, sanctionsKeys.listId))
    .where(and(inArray(personaIdentifiers.personaId, [...personaIds]), inArray(sanctionsKeys.listId, [...listIds])))
    .orderBy(sanctionsEntries.name);
}

/** What people call a matched identifier type. */
export const matchKindOf: Record<string, string> = {
  crypto_wallet: "wallet",
  government_id: "document",
  email: "email",
  domain: "domain",
};
