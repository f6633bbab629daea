import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sanctionsEntries, sanctionsKeys, sanctionsLists } from "@/db/schema";
import { nameKey } from "@/lib/matching/names";
import { currentListIds } from "./current-lists";
import { matchKindOf } from "./hit-rows";
import { NAME_SCORE } from "./name-hits";
import type { ScreenSanctionsHit, SanctionsHit } from "./views";

type ListVersion = SanctionsHit["listVersion"];

export interface ScreenedValues {
  /** Normalised identifiers, by the caller's key: only types the lists carry can hit. */
  identifiers: readonly { k: number; type: string; value: string }[];
  /** Names as written, by the caller's key. */
  names: readonly { k: number; name: string }[];
}

const entryColumns = {
  entryId: sanctionsEntries.id,
  name: sanctionsEntries.name,
  entNum: sanctionsEntries.entNum,
  programs: sanctionsEntries.programs,
  type: sanctionsEntries.type,
  aliases: sanctionsEntries.aliases,
  nameKeys: sanctionsEntries.nameKeys,
  listId: sanctionsEntries.listId,
};

/**
 * Screens loose values (an applicant list) against the current list versions: identifiers by an
 * equality join on their match keys, names by the name keys of entity resolution (any order,
 * script or usual romanisation; score 70, as a persona's name alone). Answers the versions
 * screened against and the hits per caller's key. Nothing is stored.
 */
export async function screenValues(
  runner: DbOrTx,
  values: ScreenedValues,
): Promise<{ lists: ListVersion[]; hits: Map<number, ScreenSanctionsHit[]> }> {
  const hits = new Map<number, ScreenSanctionsHit[]>();
  const listIds = await currentListIds(runner);
  if (listIds.length === 0) return { lists: [], hits };
  const lists = await runner
    .select({
      id: sanctionsLists.id,
      source: sanctionsLists.source,
      publishedAt: sanctionsLists.publishedAt,
      sha256: sanctionsLists.sha256,
    })
    .from(sanctionsLists)
    .where(inArray(sanctionsLists.id, listIds));
  const listOf = new Map(lists.map((l) => [l.id, l]));
  const add = (k: number, e: Entry, hit: Omit<ScreenSanctionsHit, "entry" | "listVersion">) => {
    const row = hits.get(k) ?? [];
    row.push({
      entry: { name: e.name, entNum: e.entNum, program: e.programs.join(", "), type: e.type },
      listVersion: listOf.get(e.listId)!,
      ...hit,
    });
    hits.set(k, row);
  };

  const wanted = values.identifiers.filter((i) => matchKindOf[i.type]);
  if (wanted.length > 0) {
    const rows = await runner
      .select({ ...entryColumns, k: sql<number>`q.k`, kind: sanctionsKeys.type, listed: sanctionsKeys.value })
      .from(sql`jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as q(k int, type identifier_type, value text)`)
      .innerJoin(
        sanctionsKeys,
        and(eq(sanctionsKeys.type, sql`q.type`), eq(sanctionsKeys.normalizedValue, sql`q.value`)),
      )
      .innerJoin(sanctionsEntries, eq(sanctionsEntries.id, sanctionsKeys.entryId))
      .where(inArray(sanctionsKeys.listId, listIds));
    for (const r of rows)
      add(r.k, r, { matched: { kind: matchKindOf[r.kind] ?? r.kind, value: r.listed }, score: 100 });
  }

  const rowsOfKey = new Map<string, number[]>();
  const keyOfRow = new Map<number, string>();
  for (const n of values.names) {
    const key = nameKey(n.name);
    if (!key) continue;
    keyOfRow.set(n.k, key);
    rowsOfKey.set(key, [...(rowsOfKey.get(key) ?? []), n.k]);
  }
  if (rowsOfKey.size > 0) {
    const keys = [...rowsOfKey.keys()];
    const rows = await runner
      .select(entryColumns)
      .from(sanctionsEntries)
      .where(
        and(
          inArray(sanctionsEntries.listId, listIds),
          sql`${sanctionsEntries.nameKeys} && array[${sql.join(
            keys.map((k) => sql`${k}`),
            sql`, `,
          )}]::text[]`,
        ),
      );
    for (const r of rows) {
      const matchedRows = new Set(r.nameKeys.flatMap((key) => rowsOfKey.get(key) ?? []));
      for (const k of matchedRows) {
        const key = keyOfRow.get(k);
        const listed = [r.name, ...r.aliases].find((n) => nameKey(n) === key) ?? r.name;
        add(k, r, { matched: { kind: "name", value: listed }, score: NAME_SCORE });
      }
    }
  }
  return { lists, hits };
}

interface Entry {
  name: string;
  entNum: string;
  programs: string[];
  type: string;
  listId: string;
}
