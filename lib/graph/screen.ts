import { sql } from "drizzle-orm";
import { db } from "@/db";
import { identifiers, identifierTypes, personaIdentifiers, personas, type IdentifierType } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { parseOrThrow } from "@/lib/errors";
import { tryNormalizeIdentifier } from "@/lib/identifiers/normalize";
import { correlate, loadHolders, noMatches } from "@/lib/personas/correlation";
import { type ScreenInput, screenInputSchema } from "./schema";
import type { Correlation } from "@/lib/personas/views";
import type { ScreenResponse, ScreenResult } from "./views";
import { phoneRegionFor } from "@/lib/settings/get-settings";
import { screenValues } from "@/lib/sanctions/screen-values";

const isType = (t: string): t is IdentifierType => (identifierTypes as readonly string[]).includes(t);

/**
 * Checks a list of applicant identifiers against every known persona. Each row is normalised on
 * its own (a bad row is reported, not fatal); the distinct (type, value) pairs are then matched in
 * one query against the (type, normalized_value) index, and every hit goes through the same
 * need-to-know rule as correlation. Nothing is stored except one audit event with the counts.
 */
export async function screenIdentifiers({
  actor,
  input,
}: {
  actor: Actor;
  input: ScreenInput;
}): Promise<ScreenResponse> {
  authorize(actor, "screen:run");
  const data = parseOrThrow(screenInputSchema, input, "Invalid screening list");
  const region = await phoneRegionFor(data.defaultCountry);
  const results: ScreenResult[] = [];
  const keyOf = new Map<string, number>();
  const keys: { k: number; type: IdentifierType; value: string }[] = [];
  const rowKey: number[] = [];
  const nameRows: number[] = [];
  data.identifiers.forEach((row, index) => {
    const type = row.type.trim().toLowerCase();
    const base = {
      index,
      type,
      value: row.value,
      normalizedValue: null,
      identifierId: null,
      matches: noMatches,
      sanctions: [],
    };
    // A name is screened against the sanctions lists only: personas are not matched by name here.
    if (type === "name") {
      const blank = row.value.trim() === "";
      results.push({ ...base, error: blank ? "A name is empty" : null });
      if (!blank) nameRows.push(index);
      rowKey.push(-1);
      return;
    }
    if (!isType(type)) {
      results.push({
        ...base,
        error: `Unknown type "${row.type}": use one of ${identifierTypes.join(", ")} or name`,
      });
      rowKey.push(-1);
      return;
    }
    const n = tryNormalizeIdentifier({
      type,
      value: row.value,
      chain: row.chain,
      defaultCountry: row.defaultCountry ?? region,
    });
    if (!n.ok) {
      results.push({ ...base, error: n.message });
      rowKey.push(-1);
      return;
    }
    const id = `${type}\u0000${n.identifier.normalizedValue}`;
    let k = keyOf.get(id);
    if (k === undefined) {
      keyOf.set(id, (k = keys.length));
      keys.push({ k, type, value: n.identifier.normalizedValue });
    }
    results.push({ ...base, normalizedValue: n.identifier.normalizedValue, error: null });
    rowKey.push(k);
  });

  const hits =
    keys.length === 0
      ? []
      : await loadHolders<string>(
          db,
          actor,
          // The input key and the identifier together: one (type, value) is one identifier.
          sql`q.k::text || '|' || i.id::text`,
          sql`from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as q(k int, type identifier_type, value text)
              join ${identifiers} i on i.type = q.type and i.normalized_value = q.value
              join ${personaIdentifiers} pi on pi.identifier_id = i.id
              join ${personas} on ${personas.id} = pi.persona_id`,
        );
  const byKey = correlate(hits, { other: false });
  const identifierOf = new Map<number, string>();
  const matches = new Map<number, Correlation>();
  for (const [key, correlation] of byKey) {
    const [k, id] = key.split("|");
    identifierOf.set(Number(k), id!);
    matches.set(Number(k), correlation);
  }
  // Names take the keys after the identifiers', so one call answers both.
  const sanctions = await screenValues(db, {
    identifiers: keys,
    names: nameRows.map((index, j) => ({ k: keys.length + j, name: data.identifiers[index]!.value })),
  });
  nameRows.forEach((index, j) => (results[index]!.sanctions = sanctions.hits.get(keys.length + j) ?? []));
  let hitCount = 0;
  results.forEach((r, i) => {
    const k = rowKey[i]!;
    if (k < 0) return;
    r.identifierId = identifierOf.get(k) ?? null;
    r.matches = matches.get(k) ?? noMatches;
    r.sanctions = sanctions.hits.get(k) ?? [];
    if (r.matches.total > 0 || r.matches.hidden) hitCount++;
  });
  const invalid = results.filter((r) => r.error).length;
  const sanctionsHits = results.filter((r) => r.sanctions.length > 0).length;
  const summary = { total: results.length, valid: results.length - invalid, invalid, hits: hitCount, sanctionsHits };
  await db.transaction((tx) =>
    recordAudit(tx, { actor, action: "screen.run", entityType: "screening", detail: summary }),
  );
  return { results, summary, sanctionsLists: sanctions.lists };
}
