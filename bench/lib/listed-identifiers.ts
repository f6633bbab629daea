/** The sanctions re-screen bench's data: listed identifiers held by bench personas, and new list versions. */
import fs from "node:fs";
import path from "node:path";
import type { Sql } from "postgres";
import { tryNormalizeIdentifier } from "@/lib/identifiers/normalize";
import { decodeOfacFile, parseSdn } from "@/lib/sanctions/parse-sdn";
import { projectRoot } from "./config";

export const sdnSnapshot = path.join(projectRoot, "reference-data/sanctions/ofac-sdn-2024-05-03.csv");

interface ListedKey {
  type: string;
  value: string;
  normalized: string;
  chain: string | null;
}

/** Every identifier of the snapshot, in the persona normalisers' form (what the import keys on). */
export function snapshotKeys(): ListedKey[] {
  const entries = parseSdn({ sdn: decodeOfacFile(new Uint8Array(fs.readFileSync(sdnSnapshot))) });
  const seen = new Set<string>();
  const keys: ListedKey[] = [];
  for (const e of entries)
    for (const listed of e.identifiers) {
      const read = tryNormalizeIdentifier({ type: listed.type, value: listed.value, chain: listed.chain });
      if (!read.ok) continue;
      const { type, value, normalizedValue, chain } = read.identifier;
      const key = `${type}\u0000${normalizedValue}`;
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push({ type, value, normalized: normalizedValue, chain: chain ?? null });
    }
  return keys;
}

/**
 * Gives `count` personas (a fixed pseudo-random choice) one listed identifier each, cycling
 * through the snapshot's keys, as claims without a value of their own (as the bulk loader writes
 * them). Idempotent: a second run adds nothing. Answers the personas chosen.
 */
export async function plantListedIdentifiers(sql: Sql, count: number): Promise<{ personas: number; keys: number }> {
  const keys = snapshotKeys();
  const chosen = await sql<{ id: string }[]>`select id from personas order by md5(id::text) limit ${count}`;
  for (let i = 0; i < chosen.length; i += 1000) {
    const batch = chosen.slice(i, i + 1000).map((p, j) => ({ persona: p.id, key: keys[(i + j) % keys.length]! }));
    const rows = batch.map((b) => ({
      persona: b.persona,
      type: b.key.type,
      value: b.key.value,
      normalized: b.key.normalized,
      chain: b.key.chain,
    }));
    const wanted = sql`jsonb_to_recordset(${sql.json(rows)}) as w(persona uuid, type identifier_type, value text, normalized text, chain text)`;
    // Two statements: rows a data-modifying WITH inserts are not visible to the rest of its statement.
    await sql`
      insert into identifiers (type, value, normalized_value, chain)
      select distinct on (type, normalized) type, value, normalized, chain from ${wanted}
      on conflict (type, normalized_value) do nothing`;
    await sql`
      insert into persona_identifiers (persona_id, identifier_id)
      select w.persona, i.id from ${wanted}
      join identifiers i on i.type = w.type and i.normalized_value = w.normalized
      on conflict do nothing`;
  }
  return { personas: chosen.length, keys: keys.length };
}

/**
 * The snapshot as a new publication: the same entries plus one (a list that changed), so that its
 * SHA-256 differs from every version imported before and the import makes a new version.
 */
export function newSnapshotVersion(stamp: string): Uint8Array {
  const bytes = fs.readFileSync(sdnSnapshot);
  // OFAC ends the file with a DOS end-of-file byte (0x1a): the new row goes before it.
  const end = bytes[bytes.length - 1] === 0x1a ? bytes.length - 1 : bytes.length;
  const entNum = 900_000 + (Number.parseInt(stamp.replace(/\D/g, "").slice(-5), 10) % 99_999);
  const row = `${entNum},"BENCH RESCREEN ${stamp}",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`;
  return new Uint8Array(Buffer.concat([bytes.subarray(0, end), Buffer.from(row, "latin1"), bytes.subarray(end)]));
}
