import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sanctionsEntries, sanctionsLists } from "@/db/schema";
import { nameKey, nameKeys } from "@/lib/matching/names";

// A shared name is weaker evidence than a shared wallet: many people are named Kim Chol.
export const NAME_SCORE = 70;
const NATIONALITY_BONUS = 15;
const MAX_NAME_HITS = 25;

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 2),
  );

/**
 * Entries of the given list versions whose name or an alias has a name key of the persona's name
 * or aliases (same parts in any order, script or usual romanisation); a claimed nationality the
 * entry also states raises the score. The highest scores first, at most 25.
 */
export async function nameHits(
  runner: DbOrTx,
  persona: { displayName: string; aliases: string[]; claimedNationality: string | null },
  listIds: readonly string[],
) {
  const names = [persona.displayName, ...persona.aliases];
  const keys = nameKeys(names);
  if (keys.length === 0 || listIds.length === 0) return [];
  const rows = await runner
    .select({
      entryId: sanctionsEntries.id,
      name: sanctionsEntries.name,
      entNum: sanctionsEntries.entNum,
      programs: sanctionsEntries.programs,
      type: sanctionsEntries.type,
      aliases: sanctionsEntries.aliases,
      nationalities: sanctionsEntries.nationalities,
      remarksCut: sanctionsEntries.remarksCut,
      list: {
        id: sanctionsLists.id,
        source: sanctionsLists.source,
        publishedAt: sanctionsLists.publishedAt,
        sha256: sanctionsLists.sha256,
      },
    })
    .from(sanctionsEntries)
    .innerJoin(sanctionsLists, eq(sanctionsLists.id, sanctionsEntries.listId))
    .where(
      and(
        inArray(sanctionsEntries.listId, [...listIds]),
        sql`${sanctionsEntries.nameKeys} && array[${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )}]::text[]`,
      ),
    )
    .limit(200);
  const claimed = persona.claimedNationality ? words(persona.claimedNationality) : new Set<string>();
  return rows
    .map((r) => {
      const listed = [r.name, ...r.aliases].find((n) => keys.includes(nameKey(n))) ?? r.name;
      const ours = names.find((n) => nameKey(n) === nameKey(listed)) ?? persona.displayName;
      const sameNationality = r.nationalities.some((n) => [...words(n)].some((w) => claimed.has(w)));
      return { ...r, listed, ours, score: NAME_SCORE + (sameNationality ? NATIONALITY_BONUS : 0) };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, MAX_NAME_HITS);
}
