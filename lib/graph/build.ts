import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "@/db";
import { identifiers, personaIdentifiers, personaLinks, personas, type IdentifierType, type PersonaLinkRelation, type PersonaStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { typeLabels } from "@/lib/identifiers/types";
import { personaVisibleTo } from "@/lib/personas/access";
import { uuidArray } from "@/lib/sql";
import type { GraphEdge, GraphNode, GraphView } from "./views";

interface Hold {
  personaId: string;
  identifierId: string;
  confidence: number;
  sourceEvidenceId: string | null;
}

/** Beyond this the view stops growing and says so; the browser stays interactive up to about here. */
export const MAX_GRAPH_NODES = 2000;

interface OwnRow extends Record<string, unknown> {
  persona_id: string;
  identifier_id: string;
  confidence: number;
  source_evidence_id: string | null;
}
interface IdentRow extends Record<string, unknown> {
  id: string;
  type: IdentifierType;
  value: string;
  normalized_value: string;
  chain: string | null;
}
interface Holder extends Record<string, unknown> {
  identifier_id: string;
  persona_id: string;
  confidence: number;
  source_evidence_id: string | null;
  visible: boolean;
  /** Every holder of the identifier outside the frontier, of which this row is one of the first few. */
  total: number;
}

/**
 * An identifier held by hundreds of personas (a laptop-farm address, a VPN exit) would pull all
 * of them into every view that touches it and bury the rest. The view takes the holders with the
 * highest confidence, up to this many per identifier, and counts the others on the node; each
 * shown persona can be expanded from there.
 */
export const MAX_HOLDERS_SHOWN = 20;

/**
 * Breadth-first over the persona–identifier graph, `depth` persona hops from the seeds. Each
 * round expands the frontier: its identifiers, the other holders of those identifiers and its
 * confirmed explicit links. Personas the actor cannot see are never entered or passed through;
 * an identifier only counts them. Three queries per round plus two at the end, each one set-based.
 */
export async function buildGraph(
  runner: DbOrTx,
  actor: Actor,
  seeds: readonly string[],
  { depth, maxNodes = MAX_GRAPH_NODES, maxHolders = MAX_HOLDERS_SHOWN, inCase }: { depth: number; maxNodes?: number; maxHolders?: number; inCase?: ReadonlySet<string> },
): Promise<GraphView> {
  // Rows here are bounded by the view's size, so the rule runs per row (see personaVisibleTo).
  const visible = personaVisibleTo(actor, personas.id, { perRow: true }) ?? sql`true`;
  const personaDepth = new Map<string, number>(seeds.map((id) => [id, 0]));
  const expanded = new Set<string>();
  const idents = new Map<string, IdentRow>();
  const holds = new Map<string, Hold>();
  const hiddenHolders = new Map<string, number>();
  const moreHolders = new Map<string, number>();
  const room = () => personaDepth.size + idents.size < maxNodes;
  let truncated = false;
  let frontier = [...seeds];

  for (let d = 0; d < depth && frontier.length > 0; d++) {
    // The claims first; the identifiers' own rows only for those that enter the view (in a
    // large network most claims point at identifiers already in it, or past the size limit).
    const own = await queryRows<OwnRow>(
      runner,
      sql`select pi.persona_id, pi.identifier_id, pi.confidence, pi.source_evidence_id
          from ${personaIdentifiers} pi where pi.persona_id = any(${uuidArray(frontier)}) limit ${maxNodes * 4}`,
    );
    for (const id of frontier) expanded.add(id);
    const entering = new Set<string>();
    for (const r of own) {
      if (idents.has(r.identifier_id) || entering.has(r.identifier_id)) continue;
      if (personaDepth.size + idents.size + entering.size >= maxNodes) {
        truncated = true;
        continue;
      }
      entering.add(r.identifier_id);
    }
    const fresh = [...entering];
    if (fresh.length > 0) {
      const rows = await queryRows<IdentRow>(
        runner,
        sql`select i.id, i.type, i.value, i.normalized_value, i.chain from ${identifiers} i where i.id = any(${uuidArray(fresh)})`,
      );
      for (const r of rows) idents.set(r.id, r);
    }
    for (const r of own) {
      if (idents.has(r.identifier_id)) holds.set(`${r.persona_id}|${r.identifier_id}`, { personaId: r.persona_id, identifierId: r.identifier_id, confidence: r.confidence, sourceEvidenceId: r.source_evidence_id });
    }
    const frontierArray = uuidArray(frontier);
    const [holders, links] = await Promise.all([
      fresh.length === 0
        ? Promise.resolve([] as Holder[])
        : queryRows<Holder>(
            runner,
            sql`select h.identifier_id, h.persona_id, h.confidence, h.source_evidence_id, ${visible} as visible, t.total
                from unnest(${uuidArray(fresh)}) as f(id)
                cross join lateral (select count(*)::int as total from ${personaIdentifiers} c
                                    where c.identifier_id = f.id and not (c.persona_id = any(${frontierArray}))) t
                cross join lateral (select pi.identifier_id, pi.persona_id, pi.confidence, pi.source_evidence_id from ${personaIdentifiers} pi
                                    where pi.identifier_id = f.id and not (pi.persona_id = any(${frontierArray}))
                                    order by pi.confidence desc nulls last, pi.persona_id limit ${maxHolders}) h
                join ${personas} on ${personas.id} = h.persona_id
                where t.total > 0
                limit ${maxNodes * 4}`,
          ),
      queryRows<{ other: string; visible: boolean }>(
        runner,
        // Each direction on its own index: an OR of the two would read every link of either side twice.
        sql`select ${personas.id} as other, ${visible} as visible
            from (select to_persona_id as other from ${personaLinks} where status = 'confirmed' and from_persona_id = any(${frontierArray})
                  union
                  select from_persona_id from ${personaLinks} where status = 'confirmed' and to_persona_id = any(${frontierArray})) l
            join ${personas} on ${personas.id} = l.other`,
      ),
    ]);
    if (own.length >= maxNodes * 4 || holders.length >= maxNodes * 4) truncated = true;
    const next: string[] = [];
    const reach = (personaId: string): boolean => {
      if (personaDepth.has(personaId)) return true;
      if (!room()) {
        truncated = true;
        return false;
      }
      personaDepth.set(personaId, d + 1);
      next.push(personaId);
      return true;
    };
    for (const h of holders) {
      if (h.total > maxHolders) moreHolders.set(h.identifier_id, h.total - maxHolders);
      if (!h.visible) {
        hiddenHolders.set(h.identifier_id, (hiddenHolders.get(h.identifier_id) ?? 0) + 1);
        continue;
      }
      if (reach(h.persona_id)) holds.set(`${h.persona_id}|${h.identifier_id}`, { personaId: h.persona_id, identifierId: h.identifier_id, confidence: h.confidence, sourceEvidenceId: h.source_evidence_id });
    }
    for (const l of links) if (l.visible) reach(l.other);
    frontier = next;
  }
  return assemble(runner, { personaDepth, expanded, idents, holds, hiddenHolders, moreHolders, truncated, inCase });
}

async function assemble(
  runner: DbOrTx,
  g: {
    personaDepth: Map<string, number>;
    expanded: Set<string>;
    idents: Map<string, IdentRow>;
    holds: Map<string, Hold>;
    hiddenHolders: Map<string, number>;
    moreHolders: Map<string, number>;
    truncated: boolean;
    inCase?: ReadonlySet<string>;
  },
): Promise<GraphView> {
  const all = uuidArray(g.personaDepth.keys());
  const [people, links] = await Promise.all([
    queryRows<{ id: string; display_name: string; status: PersonaStatus; risk_score: number }>(
      runner,
      sql`select id, display_name, status, risk_score from ${personas} where id = any(${all})`,
    ),
    queryRows<{ id: string; from_persona_id: string; to_persona_id: string; relation: PersonaLinkRelation; confidence: number; evidence_id: string | null; rationale: string }>(
      runner,
      sql`select id, from_persona_id, to_persona_id, relation, confidence, evidence_id, rationale from ${personaLinks}
          where status = 'confirmed' and from_persona_id = any(${all}) and to_persona_id = any(${all})`,
    ),
  ]);
  const nodes: GraphNode[] = people.map((p) => ({
    id: `p:${p.id}`,
    kind: "persona",
    personaId: p.id,
    label: p.display_name,
    status: p.status,
    riskScore: p.risk_score,
    depth: g.personaDepth.get(p.id) ?? 0,
    ...(g.inCase ? { inCase: g.inCase.has(p.id) } : {}),
    expanded: g.expanded.has(p.id),
  }));
  nodes.sort((a, b) => (a.kind === "persona" && b.kind === "persona" ? a.depth - b.depth || a.label.localeCompare(b.label) : 0));
  for (const i of g.idents.values()) {
    // The normalised form reads the same however it was entered; a government id only ever shows its mask.
    const label = i.type === "government_id" ? i.value : i.normalized_value;
    nodes.push({ id: `i:${i.id}`, kind: "identifier", identifierId: i.id, label, identifierType: i.type, ...(i.chain ? { chain: i.chain } : {}), hiddenHolders: g.hiddenHolders.get(i.id) ?? 0, moreHolders: g.moreHolders.get(i.id) ?? 0 });
  }
  const edges: GraphEdge[] = [...g.holds.values()].map((h) => ({
    id: `h:${h.personaId}:${h.identifierId}`,
    source: `p:${h.personaId}`,
    target: `i:${h.identifierId}`,
    kind: "identifier",
    label: typeLabels[g.idents.get(h.identifierId)!.type],
    confidence: h.confidence,
    evidenceId: h.sourceEvidenceId,
  }));
  for (const l of links) {
    edges.push({ id: `l:${l.id}`, source: `p:${l.from_persona_id}`, target: `p:${l.to_persona_id}`, kind: "link", label: l.relation.replace(/_/g, " "), confidence: l.confidence, relation: l.relation, evidenceId: l.evidence_id, rationale: l.rationale });
  }
  return { nodes, edges, truncated: g.truncated };
}
