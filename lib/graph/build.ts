import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "@/db";
import {
  identifiers,
  personaIdentifiers,
  personaLinks,
  personas,
  type IdentifierType,
  type PersonaLinkRelation,
  type PersonaStatus,
} from "@/db/schema";
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
interface Holder extends OwnRow {
  visible: boolean;
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
 * an identifier only counts them. Each round is two pairs of set-based queries run side by side
 * (claims and links, then identifiers and holders) and, for identifiers with more holders than
 * were read, one count; two more queries at the end.
 */
export async function buildGraph(
  runner: DbOrTx,
  actor: Actor,
  seeds: readonly string[],
  {
    depth,
    maxNodes = MAX_GRAPH_NODES,
    maxHolders = MAX_HOLDERS_SHOWN,
    inCase,
  }: { depth: number; maxNodes?: number; maxHolders?: number; inCase?: ReadonlySet<string> },
): Promise<GraphView> {
  // Rows here are bounded by the view's size, so the rule runs per row (see personaVisibleTo).
  const visible = (personaId: SQL) => personaVisibleTo(actor, personaId, { perRow: true }) ?? sql`true`;
  const personaDepth = new Map<string, number>(seeds.map((id) => [id, 0]));
  const expanded = new Set<string>();
  const idents = new Map<string, IdentRow>();
  const holds = new Map<string, Hold>();
  const hiddenHolders = new Map<string, number>();
  const moreHolders = new Map<string, number>();
  const size = () => personaDepth.size + idents.size;
  const hold = (r: OwnRow) =>
    holds.set(`${r.persona_id}|${r.identifier_id}`, {
      personaId: r.persona_id,
      identifierId: r.identifier_id,
      confidence: r.confidence,
      sourceEvidenceId: r.source_evidence_id,
    });
  let truncated = false;
  let frontier = [...seeds];

  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const frontierArray = uuidArray(frontier);
    // The claims first; the identifiers' own rows only for those that enter the view (in a
    // large network most claims point at identifiers already in it, or past the size limit).
    const [own, links] = await Promise.all([
      queryRows<OwnRow>(
        runner,
        sql`select pi.persona_id, pi.identifier_id, pi.confidence, pi.source_evidence_id
            from ${personaIdentifiers} pi where pi.persona_id = any(${frontierArray}) limit ${maxNodes * 4}`,
      ),
      queryRows<{ other: string; visible: boolean }>(
        runner,
        // Each direction on its own index: an OR of the two would read every link of either side twice.
        sql`select l.other, ${visible(sql`l.other`)} as visible
            from (select to_persona_id as other from ${personaLinks} where status = 'confirmed' and from_persona_id = any(${frontierArray})
                  union
                  select from_persona_id from ${personaLinks} where status = 'confirmed' and to_persona_id = any(${frontierArray})) l`,
      ),
    ]);
    for (const id of frontier) expanded.add(id);
    if (own.length >= maxNodes * 4) truncated = true;
    const entering = new Set<string>();
    for (const r of own) {
      if (idents.has(r.identifier_id) || entering.has(r.identifier_id)) continue;
      if (size() + entering.size >= maxNodes) {
        truncated = true;
        continue;
      }
      entering.add(r.identifier_id);
    }
    const fresh = [...entering];
    // Once the identifiers fill the view no other holder can enter it: only how many there are
    // is read. Otherwise one row past the per-identifier limit tells which ones need counting.
    const take = size() + fresh.length < maxNodes ? maxHolders + 1 : 0;
    const [identRows, holders] = await Promise.all([
      fresh.length === 0
        ? Promise.resolve([] as IdentRow[])
        : queryRows<IdentRow>(
            runner,
            sql`select i.id, i.type, i.value, i.normalized_value, i.chain from ${identifiers} i where i.id = any(${uuidArray(fresh)})`,
          ),
      fresh.length === 0 || take === 0
        ? Promise.resolve([] as Holder[])
        : queryRows<Holder>(
            runner,
            sql`select h.identifier_id, h.persona_id, h.confidence, h.source_evidence_id, ${visible(sql`h.persona_id`)} as visible
                from unnest(${uuidArray(fresh)}) as f(id)
                cross join lateral (select pi.identifier_id, pi.persona_id, pi.confidence, pi.source_evidence_id from ${personaIdentifiers} pi
                                    where pi.identifier_id = f.id and pi.persona_id <> all(${frontierArray})
                                    order by pi.confidence desc nulls last, pi.persona_id limit ${take}) h
                limit ${maxNodes * 4}`,
          ),
    ]);
    for (const r of identRows) idents.set(r.id, r);
    for (const r of own) {
      if (idents.has(r.identifier_id)) hold(r);
    }
    if (holders.length >= maxNodes * 4) truncated = true;

    const next: string[] = [];
    const reach = (personaId: string): boolean => {
      if (personaDepth.has(personaId)) return true;
      if (size() >= maxNodes) {
        truncated = true;
        return false;
      }
      personaDepth.set(personaId, d + 1);
      next.push(personaId);
      return true;
    };
    // Per identifier: holder rows read, and of those within the limit, how many the view accounts
    // for (shown, or counted as hidden). The rest are "more holders" on the node.
    const read = new Map<string, number>();
    const accounted = new Map<string, number>();
    for (const h of holders) {
      const n = (read.get(h.identifier_id) ?? 0) + 1;
      read.set(h.identifier_id, n);
      if (n > maxHolders) continue;
      if (!h.visible) hiddenHolders.set(h.identifier_id, (hiddenHolders.get(h.identifier_id) ?? 0) + 1);
      else if (reach(h.persona_id)) hold(h);
      else continue;
      accounted.set(h.identifier_id, (accounted.get(h.identifier_id) ?? 0) + 1);
    }
    // Holders not read (past the limit, or no room left for them) are counted, not listed.
    const totals = new Map<string, number>();
    for (const [id, n] of read) totals.set(id, Math.min(n, maxHolders));
    const uncounted = take === 0 ? fresh : [...read].filter(([, n]) => n > maxHolders).map(([id]) => id);
    if (uncounted.length > 0) {
      const rows = await queryRows<{ identifier_id: string; total: number }>(
        runner,
        sql`select identifier_id, count(*)::int as total from ${personaIdentifiers}
            where identifier_id = any(${uuidArray(uncounted)}) and persona_id <> all(${frontierArray}) group by identifier_id`,
      );
      for (const r of rows) totals.set(r.identifier_id, r.total);
      if (take === 0 && rows.length > 0) truncated = true;
    }
    for (const [id, total] of totals) {
      const more = total - (accounted.get(id) ?? 0);
      if (more > 0) moreHolders.set(id, more);
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
    queryRows<{
      id: string;
      from_persona_id: string;
      to_persona_id: string;
      relation: PersonaLinkRelation;
      confidence: number;
      evidence_id: string | null;
      rationale: string;
    }>(
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
  nodes.sort((a, b) =>
    a.kind === "persona" && b.kind === "persona" ? a.depth - b.depth || a.label.localeCompare(b.label) : 0,
  );
  for (const i of g.idents.values()) {
    // The normalised form reads the same however it was entered; a government id only ever shows its mask.
    const label = i.type === "government_id" ? i.value : i.normalized_value;
    nodes.push({
      id: `i:${i.id}`,
      kind: "identifier",
      identifierId: i.id,
      label,
      identifierType: i.type,
      ...(i.chain ? { chain: i.chain } : {}),
      hiddenHolders: g.hiddenHolders.get(i.id) ?? 0,
      moreHolders: g.moreHolders.get(i.id) ?? 0,
    });
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
    edges.push({
      id: `l:${l.id}`,
      source: `p:${l.from_persona_id}`,
      target: `p:${l.to_persona_id}`,
      kind: "link",
      label: l.relation.replace(/_/g, " "),
      confidence: l.confidence,
      relation: l.relation,
      evidenceId: l.evidence_id,
      rationale: l.rationale,
    });
  }
  return { nodes, edges, truncated: g.truncated };
}
