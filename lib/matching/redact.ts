import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadEvidence } from "@/lib/evidence/access";
import type { CandidateReason } from "@/lib/personas/candidate-views";

/**
 * A résumé reason quotes the documents' text and names the exhibits: content, which only those who
 * may open both items read (a persona can be visible through one case while its résumé sits in
 * another). For anyone else the reason keeps its weight and says only that the texts are alike.
 */
export async function redactReasons<T extends { reasons: CandidateReason[] }>(
  actor: Actor,
  items: readonly T[],
): Promise<T[]> {
  const ids = new Set(
    items.flatMap((i) => i.reasons.filter((r) => r.kind === "resume_text").flatMap((r) => r.evidenceIds ?? [])),
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
      r.kind !== "resume_text" || (r.evidenceIds ?? []).every((id) => readable.has(id))
        ? r
        : { kind: r.kind, detail: "Résumé texts alike (in a document you may not open)", weight: r.weight },
    ),
  }));
}
