import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadPersona } from "@/lib/personas/access";
import { currentListIds } from "./current-lists";
import { hitRows, matchKindOf } from "./hit-rows";
import { nameHits } from "./name-hits";
import type { SanctionsHit, SanctionsHits } from "./views";

/**
 * GET /api/personas/{id}/sanctions: the entries of the current list versions that hold one of
 * the persona's identifiers, compared by match key (wallets whatever their case, e-mails by
 * provider rules, documents through their keyed hash) or its name (any order, script or usual
 * romanisation). Exact identifier hits score 100; a name alone 70, 85 with the same nationality.
 */
export async function screenPersona({ actor, personaId }: { actor: Actor; personaId: string }): Promise<SanctionsHits> {
  const persona = await loadPersona(db, actor, personaId);
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
  for (const r of await nameHits(db, persona, listIds)) {
    const match = { kind: "name", value: r.listed === r.ours ? r.listed : `${r.ours} / ${r.listed}` };
    const known = hits.get(r.entryId);
    if (known) {
      known.matched.push(match);
      continue;
    }
    hits.set(r.entryId, {
      entry: {
        name: r.name,
        entNum: r.entNum,
        program: r.programs.join(", "),
        type: r.type,
        aliases: r.aliases,
        remarksCut: r.remarksCut,
      },
      matched: [match],
      score: r.score,
      listVersion: r.list,
      status: "open",
    });
  }
  return { items: [...hits.values()].sort((a, b) => b.score - a.score) };
}
