import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";
import { evidence, evidenceFingerprints, personaIdentifiers } from "@/db/schema";
import type { CandidateReason } from "@/lib/personas/candidate-views";
import { uuidArray } from "@/lib/sql";
import { PHOTO_DISTANCE } from "./dhash";
import { exhibit, fewCiting, nearestPerPersona } from "./cited-items";

/*
 * Recycled photos: a persona's photos are the image items its claims cite as their source (as its
 * résumés are), each with the difference hash the extraction job stored. Two personas whose photos
 * are at most PHOTO_DISTANCE bits apart get a `photo` reason naming both exhibits. The distance is
 * counted by PostgreSQL over the hashed images only (a scan of one narrow column, not of evidence);
 * bit_count over bit(64) is PostgreSQL 14+, which PGlite is too.
 */

/** 0.75 for the same picture, about half at the edge of the distance. */
export const photoWeight = (distance: number) => Math.round((0.75 - (0.25 * distance) / PHOTO_DISTANCE) * 1000) / 1000;

/** The personas whose photos are near-identical to one of this persona's, each with its reason. */
export async function photoMatches(
  runner: DbOrTx,
  personaId: string,
): Promise<{ personaId: string; reason: CandidateReason }[]> {
  const mine = await queryRows<{ evidence_id: string; dhash: string }>(
    runner,
    sql`select distinct f.evidence_id, f.dhash::text as dhash from ${personaIdentifiers} pi
        join ${evidence} e on e.id = pi.source_evidence_id and e.deleted_at is null
        join ${evidenceFingerprints} f on f.evidence_id = e.id and f.dhash is not null
        where pi.persona_id = ${personaId} and ${fewCiting}`,
  );
  if (mine.length === 0) return [];
  const myIds = mine.map((m) => m.evidence_id);
  const near = new Map<string, { mine: string; distance: number }>();
  for (const m of mine) {
    const rows = await queryRows<{ evidence_id: string; distance: number }>(
      runner,
      sql`select f.evidence_id, bit_count((f.dhash # ${m.dhash}::bigint)::bit(64))::int as distance
          from ${evidenceFingerprints} f
          where f.dhash is not null and f.evidence_id <> all(${uuidArray(myIds)})
            and bit_count((f.dhash # ${m.dhash}::bigint)::bit(64)) <= ${PHOTO_DISTANCE}
          limit 200`,
    );
    for (const r of rows)
      if (r.distance < (near.get(r.evidence_id)?.distance ?? Infinity))
        near.set(r.evidence_id, { mine: m.evidence_id, distance: r.distance });
  }
  if (near.size === 0) return [];
  const { best, items } = await nearestPerPersona(
    runner,
    personaId,
    near,
    myIds,
    (n, current) => n.distance < (current?.distance ?? Infinity),
  );
  return [...best].map(([other, b]) => ({
    personaId: other,
    reason: {
      kind: "photo",
      detail:
        b.distance === 0
          ? "The same photo (perceptual hashes equal)"
          : `Near-identical photos (perceptual hashes ${b.distance} of 64 bits apart)`,
      weight: photoWeight(b.distance),
      mine: exhibit(items.get(b.mine)!),
      theirs: exhibit(items.get(b.theirs)!),
      evidenceIds: [b.mine, b.theirs],
    },
  }));
}
