/**
 * Where the report's persona graph puts its nodes, edges and labels, as plain geometry (PDF
 * points, y upwards), so that what makes it readable can be tested without drawing: edges stop at
 * the node circles, and no edge runs through a label.
 */
export interface Point {
  x: number;
  y: number;
}

/** A rectangle by its lower-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  w: number;
  h: number;
}

export interface LayoutEdge {
  kind: "hold" | "link";
  /** The index of the link in the input, for a link. */
  link?: number;
  start: Point;
  end: Point;
}

export interface LayoutLabel {
  kind: "persona" | "identifier" | "link";
  /** The persona or identifier id, or the link's index. */
  key: string;
  box: Box;
}

export interface GraphLayoutInput {
  personas: { id: string }[];
  identifiers: { id: string }[];
  holdings: { personaId: string; identifierId: string }[];
  links: { fromPersonaId: string; toPersonaId: string }[];
}

export interface GraphFrame {
  center: Point;
  outer: number;
  inner: number;
}

/** The size of each label, or null where it is left out. */
export interface LabelSizes {
  persona: (id: string) => Size | null;
  identifier: (id: string) => Size | null;
  link: (index: number) => Size | null;
}

export interface GraphLayout {
  personas: Map<string, Point>;
  identifiers: Map<string, Point>;
  edges: LayoutEdge[];
  labels: LayoutLabel[];
}

export const PERSONA_RADIUS = 8;
export const IDENTIFIER_RADIUS = 3.5;
const IDENTIFIER_LABEL_GAP = 4;

const polar = (center: Point, angle: number, r: number): Point => ({
  x: center.x + r * Math.cos(angle),
  y: center.y + r * Math.sin(angle),
});

/** The part of the line between two circles that lies outside both. */
function betweenCircles(a: Point, ra: number, b: Point, rb: number): { start: Point; end: Point } | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length <= ra + rb) return null;
  const ux = dx / length;
  const uy = dy / length;
  return { start: { x: a.x + ux * ra, y: a.y + uy * ra }, end: { x: b.x - ux * rb, y: b.y - uy * rb } };
}

/** Whether a segment passes through a box (Liang–Barsky clipping). */
export function segmentHitsBox(start: Point, end: Point, box: Box): boolean {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, start.x - box.x],
    [dx, box.x + box.w - start.x],
    [-dy, start.y - box.y],
    [dy, box.y + box.h - start.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const circleBox = (p: Point, r: number): Box => ({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });

// Directions tried around a node for its label, below first (where a reader looks for it).
const DIRECTIONS = Array.from(
  { length: 24 },
  (_, i) => -Math.PI / 2 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) * (Math.PI / 12),
);
const DISTANCES = [3, 8, 16, 26, 40, 56];

/**
 * A box for a label near a point (or the first of a few points): of the places around it, the
 * one the fewest edges cross and that covers no other label or node, nearest first.
 */
function placeNear(anchors: Point[], radius: number, size: Size, edges: LayoutEdge[], taken: Box[]): Box {
  let best: { box: Box; score: number } | null = null;
  for (const at of anchors)
    for (const distance of DISTANCES)
      for (const angle of DIRECTIONS) {
        const cx = at.x + Math.cos(angle) * (radius + distance + size.w / 2);
        const cy = at.y + Math.sin(angle) * (radius + distance + size.h / 2);
        const box = { x: cx - size.w / 2, y: cy - size.h / 2, w: size.w, h: size.h };
        const crossings = edges.filter((e) => segmentHitsBox(e.start, e.end, box)).length;
        const overlaps = taken.filter((t) => boxesOverlap(t, box)).length;
        const score = overlaps * 1000 + crossings;
        if (!best || score < best.score) best = { box, score };
        if (score === 0) return box;
      }
  return best!.box;
}

/**
 * Personas on an inner circle, the identifiers they hold on an outer one (each near the personas
 * holding it, so shared identifiers sit between their holders). Identifier labels point outwards,
 * beyond the outer circle where no edge goes; persona and link labels take the free place nearest
 * their node or line.
 */
export function layoutGraph(input: GraphLayoutInput, frame: GraphFrame, sizes: LabelSizes): GraphLayout {
  const { center, outer, inner } = frame;
  const personaAngle = new Map(
    input.personas.map((p, i) => [p.id, (2 * Math.PI * i) / input.personas.length + Math.PI / 2]),
  );
  const personas = new Map([...personaAngle].map(([id, a]) => [id, polar(center, a, inner)]));
  const meanAngle = (identifierId: string) => {
    const angles = input.holdings
      .filter((h) => h.identifierId === identifierId)
      .map((h) => personaAngle.get(h.personaId) ?? 0);
    return Math.atan2(
      angles.reduce((s, a) => s + Math.sin(a), 0),
      angles.reduce((s, a) => s + Math.cos(a), 0),
    );
  };
  const ordered = input.identifiers.map((i) => ({ id: i.id, a: meanAngle(i.id) })).sort((a, b) => a.a - b.a);
  const identifierAngle = new Map(
    ordered.map(({ id }, n) => [
      id,
      ordered.length === 1 ? ordered[0]!.a : (2 * Math.PI * n) / ordered.length + (ordered[0]?.a ?? 0),
    ]),
  );
  const identifiers = new Map([...identifierAngle].map(([id, a]) => [id, polar(center, a, outer)]));

  const edges: LayoutEdge[] = [];
  for (const h of input.holdings) {
    const from = personas.get(h.personaId);
    const to = identifiers.get(h.identifierId);
    const line = from && to ? betweenCircles(from, PERSONA_RADIUS, to, IDENTIFIER_RADIUS) : null;
    if (line) edges.push({ kind: "hold", ...line });
  }
  input.links.forEach((k, index) => {
    const from = personas.get(k.fromPersonaId);
    const to = personas.get(k.toPersonaId);
    const line = from && to ? betweenCircles(from, PERSONA_RADIUS, to, PERSONA_RADIUS) : null;
    if (line) edges.push({ kind: "link", link: index, ...line });
  });

  const labels: LayoutLabel[] = [];
  for (const [id, p] of identifiers) {
    const size = sizes.identifier(id);
    if (!size) continue;
    const a = identifierAngle.get(id)!;
    const anchor = polar(p, a, IDENTIFIER_RADIUS + IDENTIFIER_LABEL_GAP);
    const x = Math.cos(a) >= 0 ? anchor.x : anchor.x - size.w;
    const y = anchor.y - size.h / 2 + (Math.sin(a) * size.h) / 2;
    labels.push({ kind: "identifier", key: id, box: { x, y, w: size.w, h: size.h } });
  }
  const taken = (): Box[] => [
    ...labels.map((l) => l.box),
    ...[...personas.values()].map((p) => circleBox(p, PERSONA_RADIUS)),
    ...[...identifiers.values()].map((p) => circleBox(p, IDENTIFIER_RADIUS)),
  ];
  for (const [id, p] of personas) {
    const size = sizes.persona(id);
    if (size) labels.push({ kind: "persona", key: id, box: placeNear([p], PERSONA_RADIUS, size, edges, taken()) });
  }
  for (const edge of edges) {
    const size = edge.link === undefined ? null : sizes.link(edge.link);
    if (!size) continue;
    // Beside the middle of the line, or further along it where the middle is crowded.
    const along = [0.5, 0.35, 0.65, 0.2, 0.8].map((t) => ({
      x: edge.start.x + t * (edge.end.x - edge.start.x),
      y: edge.start.y + t * (edge.end.y - edge.start.y),
    }));
    labels.push({ kind: "link", key: String(edge.link), box: placeNear(along, 0, size, edges, taken()) });
  }
  return { personas, identifiers, edges, labels };
}
