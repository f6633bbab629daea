import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadPersona } from "@/lib/personas/access";
import { currentListIds } from "./current-lists";
import { hitRows, matchKindOf } from "./hit-rows";
import type { SanctionsHit, SanctionsHits } from "./views";

/**
 * GET /api/personas/{id}/sanctions: the entries of the current list versions that hold one of
 * the persona's identifiers, compared by match key (wallets whatever their case, e-mails by
 * provider rules, documents through their keyed hash). Exact identifier hits score 100.
 */
export async function screenPersona({ actor, personaId }: { actor: Actor; personaId: string }): Promise<SanctionsHits> {
  await loadPersona(db, actor, personaId);
  const listIds = await currentListIds(db);
  if (listIds.length === 0) return { items: [] };
  const rows = await hitRows(db, [personaId], listIds);
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
    const match = { kind: matchKindOf[r.kind] ?? r.kind, value: r.value };
    if (!hit.matched.some((m) => m.kind === match.kind && m.value === match.value)) hit.matched.push(match);
    hits.set(r.entryId, hit);
  }
  return { items: [...hits.values()] };
}
