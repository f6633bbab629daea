import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadEvidence } from "@/lib/evidence/access";
import { personaVisibleTo } from "@/lib/personas/access";
import type { CandidateReason } from "@/lib/personas/candidate-views";
import { uuidArray } from "@/lib/sql";

/**
 * A résumé reason quotes the documents' text and names the exhibits, a photo reason names and shows
 * the pictures: content, which only those who may open both items read (a persona can be visible
 * through one case while its résumé sits in another). For anyone else the reason keeps its weight
 * and says only that the texts or photos are alike.
 */
const CONTENT_KINDS: Partial<Record<CandidateReason["kind"], string>> = {
  resume_text: "Résumé texts alike (in a document you may not open)",
  photo: "Photos alike (in an exhibit you may not open)",
};

/** Said of a common match through a persona the reader may not see: never its name. */
export const HIDDEN_COMMON_MATCH = "Both are likely matches of one persona you may not see";

/**
 * A common match names the persona both sides match: for a reader who may not see that persona,
 * the reason keeps its weight and names no one.
 */
async function redactCommonMatches<T extends { reasons: CandidateReason[] }>(actor: Actor, items: T[]): Promise<T[]> {
  const via = [
    ...new Set(items.flatMap((i) => i.reasons.flatMap((r) => (r.kind === "common_match" && r.via ? [r.via] : [])))),
  ];
  if (via.length === 0) return items;
  const visible = personaVisibleTo(actor, sql`p.id`, { perRow: true });
  const seen = visible
    ? new Set(
        (
          await queryRows<{ id: string }>(
            db,
            sql`select p.id from ${personas} p where p.id = any(${uuidArray(via)}) and ${visible}`,
          )
        ).map((r) => r.id),
      )
    : new Set(via);
  return items.map((item) => ({
    ...item,
    reasons: item.reasons.map((r) =>
      r.kind !== "common_match" || (r.via && seen.has(r.via))
        ? r
        : { kind: r.kind, detail: HIDDEN_COMMON_MATCH, weight: r.weight },
    ),
  }));
}

export async function redactReasons<T extends { reasons: CandidateReason[] }>(
  actor: Actor,
  list: readonly T[],
): Promise<T[]> {
  const items = await redactCommonMatches(actor, [...list]);
  const ids = new Set(
    items.flatMap((i) => i.reasons.filter((r) => CONTENT_KINDS[r.kind]).flatMap((r) => r.evidenceIds ?? [])),
  );
  if (ids.size === 0) return items;
  const readable = new Set<string>();
  for (const id of ids)
    await loadEvidence(db, actor, id, "evidence:read_content").then(
      () => readable.add(id),
      () => undefined,
    );
  return items.map((item) => ({
    ...item,
    reasons: item.reasons.map((r) =>
      !CONTENT_KINDS[r.kind] || (r.evidenceIds ?? []).every((id) => readable.has(id))
        ? r
        : { kind: r.kind, detail: CONTENT_KINDS[r.kind]!, weight: r.weight },
    ),
  }));
}
