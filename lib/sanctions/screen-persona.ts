import { db, type DbOrTx } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadPersona } from "@/lib/personas/access";
import { currentListIds } from "./current-lists";
import { activeDismissals, applyDismissals } from "./dismissals";
import { judgePermissions } from "./judge-hit";
import { hitRows, matchKindOf } from "./hit-rows";
import { nameHits } from "./name-hits";
import type { SanctionsHit, SanctionsHits } from "./views";

/** What both kinds of hit know of the entry and its list version. */
interface ListedEntry {
  entryId: string;
  name: string;
  entNum: string;
  programs: string[];
  type: string;
  aliases: string[];
  remarksCut: boolean;
  list: SanctionsHit["listVersion"];
}

/**
 * GET /api/personas/{id}/sanctions: the entries of the current list versions that hold one of
 * the persona's identifiers, compared by match key (wallets whatever their case, e-mails by
 * provider rules, documents through their keyed hash) or its name (any order, script or usual
 * romanisation). Exact identifier hits score 100; a name alone 70, 85 with the same nationality.
 */
export async function screenPersona({ actor, personaId }: { actor: Actor; personaId: string }): Promise<SanctionsHits> {
  const persona = await loadPersona(db, actor, personaId);
  const permissions = await judgePermissions(db, actor, personaId);
  return { items: await personaHits(db, { ...persona, id: personaId }), permissions };
}

/**
 * A persona's hits on the current list versions with their dismissals, strongest first. Decides
 * nothing about who may see them: the caller has checked that.
 */
export async function personaHits(
  runner: DbOrTx,
  persona: { id: string; displayName: string; aliases: string[]; claimedNationality: string | null },
): Promise<SanctionsHit[]> {
  const personaId = persona.id;
  const listIds = await currentListIds(runner);
  if (listIds.length === 0) return [];
  const rows = await hitRows(runner, [personaId], listIds);
  const hits = new Map<string, SanctionsHit>();
  const hitOf = (r: ListedEntry, score: number): SanctionsHit => {
    const known = hits.get(r.entryId);
    if (known) return known;
    const hit: SanctionsHit = {
      entry: {
        name: r.name,
        entNum: r.entNum,
        program: r.programs.join(", "),
        type: r.type,
        aliases: r.aliases,
        remarksCut: r.remarksCut,
      },
      matched: [],
      score,
      listVersion: r.list,
      status: "open",
      dismissal: null,
    };
    hits.set(r.entryId, hit);
    return hit;
  };
  for (const r of rows) {
    const hit = hitOf(r, 100);
    const match = { kind: matchKindOf[r.kind] ?? r.kind, value: r.value };
    if (!hit.matched.some((m) => m.kind === match.kind && m.value === match.value)) hit.matched.push(match);
  }
  // A name hit on an entry already hit by an identifier adds the name; alone, it keeps its lower score.
  for (const r of await nameHits(runner, persona, listIds))
    hitOf(r, r.score).matched.push({ kind: "name", value: r.listed === r.ours ? r.listed : `${r.ours} / ${r.listed}` });
  const items = [...hits.values()].sort((a, b) => b.score - a.score);
  applyDismissals(personaId, items, await activeDismissals(runner, [personaId]));
  return items;
}
