import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadEvidence } from "@/lib/evidence/access";
import type { CandidateReason } from "@/lib/personas/candidate-views";

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

export async function redactReasons<T extends { reasons: CandidateReason[] }>(
  actor: Actor,
  items: readonly T[],
): Promise<T[]> {
  const ids = new Set(
    items.flatMap((i) => i.reasons.filter((r) => CONTENT_KINDS[r.kind]).flatMap((r) => r.evidenceIds ?? [])),
  );
  if (ids.size === 0) return [...items];
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
