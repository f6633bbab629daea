import type { GraphEdge, GraphNode, GraphView } from "@/lib/graph/views";

/** Adds an expansion to the view: new nodes and edges appended, a persona once expanded stays expanded. */
export function mergeGraphs(base: GraphView, extra: GraphView): GraphView {
  const nodes = new Map<string, GraphNode>(base.nodes.map((n) => [n.id, n]));
  for (const n of extra.nodes) {
    const existing = nodes.get(n.id);
    if (!existing) nodes.set(n.id, n);
    else if (existing.kind === "persona" && n.kind === "persona")
      nodes.set(n.id, {
        ...existing,
        expanded: existing.expanded || n.expanded,
        depth: Math.min(existing.depth, n.depth + 1),
      });
  }
  const edges = new Map<string, GraphEdge>(base.edges.map((e) => [e.id, e]));
  for (const e of extra.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: base.truncated || extra.truncated };
}

export interface GraphFilter {
  hiddenTypes: ReadonlySet<string>;
  minConfidence: number;
}

/** What the filters leave: identifier nodes of hidden types go, and so do edges below the confidence floor. */
export function applyFilter(view: GraphView, filter: GraphFilter): GraphView {
  const nodes = view.nodes.filter((n) => n.kind === "persona" || !filter.hiddenTypes.has(n.identifierType));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = view.edges.filter(
    (e) => e.confidence >= filter.minConfidence && ids.has(e.source) && ids.has(e.target),
  );
  return { nodes, edges, truncated: view.truncated };
}

/** Shortest path (fewest hops, edges undirected) between two nodes; null when they are not connected. */
export function shortestPath(view: GraphView, from: string, to: string): { nodes: string[]; edges: string[] } | null {
  const adjacent = new Map<string, { node: string; edge: string }[]>();
  for (const e of view.edges) {
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      let list = adjacent.get(a);
      if (!list) adjacent.set(a, (list = []));
      list.push({ node: b, edge: e.id });
    }
  }
  const previous = new Map<string, { node: string; edge: string } | null>([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    if (current === to) break;
    for (const next of adjacent.get(current) ?? []) {
      if (previous.has(next.node)) continue;
      previous.set(next.node, { node: current, edge: next.edge });
      queue.push(next.node);
    }
  }
  if (!previous.has(to)) return null;
  const nodes: string[] = [];
  const edges: string[] = [];
  for (let at: string | undefined = to; at !== undefined;) {
    nodes.unshift(at);
    const step = previous.get(at);
    if (!step) break;
    edges.unshift(step.edge);
    at = step.node;
  }
  return { nodes, edges };
}
