import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { identifiers, personaIdentifiers, sanctionsEntries, sanctionsKeys, sanctionsLists } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadPersona } from "@/lib/personas/access";
import { currentListIds } from "./current-lists";
import type { SanctionsHit, SanctionsHits } from "./views";

/** What the reader sees of a matched identifier: the value as the persona's claim holds it. */
const kindOf: Record<string, string> = {
  crypto_wallet: "wallet",
  government_id: "document",
  email: "email",
  domain: "domain",
};

/**
 * GET /api/personas/{id}/sanctions: the entries of the current list versions that hold one of
 * the persona's identifiers, compared by match key (wallets whatever their case, e-mails by
 * provider rules, documents through their keyed hash). Exact identifier hits score 100.
 */
export async function screenPersona({ actor, personaId }: { actor: Actor; personaId: string }): Promise<SanctionsHits> {
  await loadPersona(db, actor, personaId);
  const listIds = await currentListIds(db);
  if (listIds.length === 0) return { items: [] };
  const rows = await db
    .select({
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
    .where(and(eq(personaIdentifiers.personaId, personaId), inArray(sanctionsKeys.listId, listIds)))
    .orderBy(sanctionsEntries.name);
  const hits = new Map<string, SanctionsHit>();
  for (const r of rows) {
    const hit = hits.get(r.entryId) ?? {
      entry: {
        name: r.name,
        entNum: r.entNum,
        program: r.programs.join(", "),
        type: r.type,
        aliases: r.aliases,
        remarksCut: r.remarksCut,
      },
      matched: [],
      score: 100,
      listVersion: r.list,
      status: "open" as const,
    };
    const match = { kind: kindOf[r.kind] ?? r.kind, value: r.value };
    if (!hit.matched.some((m) => m.kind === match.kind && m.value === match.value)) hit.matched.push(match);
    hits.set(r.entryId, hit);
  }
  return { items: [...hits.values()] };
}
