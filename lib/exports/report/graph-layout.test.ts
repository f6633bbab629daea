import { describe, expect, it } from "vitest";
import {
  boxesOverlap,
  type GraphLayoutInput,
  IDENTIFIER_RADIUS,
  layoutGraph,
  PERSONA_RADIUS,
  segmentHitsBox,
} from "./graph-layout";

// The frame drawGraph uses on an A4 page.
const frame = (personas: number, identifiers: number) => {
  const outer = 197;
  return {
    center: { x: 297, y: 420 },
    outer,
    inner: personas === 1 ? 0 : identifiers ? outer * 0.45 : outer * 0.8,
  };
};
// Label sizes as the report's fonts give them: identifiers up to 90 pt wide, persona names up to 120.
const sizes = {
  persona: (id: string) => ({ w: 40 + (id.length % 5) * 16, h: 12.4 }),
  identifier: (id: string) => ({ w: 50 + (id.length % 4) * 13, h: 10.5 }),
  link: () => ({ w: 42, h: 10.5 }),
};

function graph(personas: number, identifiers: number, holdings: [number, number][], links: [number, number][]) {
  return {
    personas: Array.from({ length: personas }, (_, i) => ({ id: `persona-${"p".repeat(i)}` })),
    identifiers: Array.from({ length: identifiers }, (_, i) => ({ id: `identifier-${"i".repeat(i)}` })),
    holdings: holdings.map(([p, i]) => ({
      personaId: `persona-${"p".repeat(p)}`,
      identifierId: `identifier-${"i".repeat(i)}`,
    })),
    links: links.map(([a, b]) => ({
      fromPersonaId: `persona-${"p".repeat(a)}`,
      toPersonaId: `persona-${"p".repeat(b)}`,
    })),
  } satisfies GraphLayoutInput;
}

const cases: [string, GraphLayoutInput][] = [
  [
    "one persona holding eight identifiers",
    graph(
      1,
      8,
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => [0, i]),
      [],
    ),
  ],
  [
    "three personas sharing two identifiers, with two links",
    graph(
      3,
      8,
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [2, 1],
        [0, 2],
        [0, 3],
        [1, 4],
        [1, 5],
        [2, 6],
        [2, 7],
      ],
      [
        [0, 1],
        [1, 2],
      ],
    ),
  ],
  [
    "six personas and twenty identifiers",
    graph(
      6,
      20,
      Array.from({ length: 20 }, (_, i) => [i % 6, i] as [number, number]).concat([
        [1, 0],
        [3, 6],
        [5, 12],
      ]),
      [
        [0, 1],
        [2, 3],
        [4, 5],
      ],
    ),
  ],
];

describe("the report's graph layout", () => {
  it.each(cases)("%s: no edge runs through a label, labels do not overlap", (_, input) => {
    const layout = layoutGraph(input, frame(input.personas.length, input.identifiers.length), sizes);
    expect(layout.labels).toHaveLength(input.personas.length + input.identifiers.length + input.links.length);
    const crossings = layout.labels.flatMap((label) =>
      layout.edges
        .filter((e) => segmentHitsBox(e.start, e.end, label.box))
        .map((e) => `${label.kind} ${label.key} crossed by ${e.kind}`),
    );
    expect(crossings).toEqual([]);
    const overlaps = layout.labels.flatMap((a, i) =>
      layout.labels.slice(i + 1).flatMap((b) => (boxesOverlap(a.box, b.box) ? [`${a.key} / ${b.key}`] : [])),
    );
    expect(overlaps).toEqual([]);
  });

  it.each(cases)("%s: edges stop at the node circles", (_, input) => {
    const layout = layoutGraph(input, frame(input.personas.length, input.identifiers.length), sizes);
    expect(layout.edges).toHaveLength(input.holdings.length + input.links.length);
    const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    for (const h of input.holdings) {
      const persona = layout.personas.get(h.personaId)!;
      const identifier = layout.identifiers.get(h.identifierId)!;
      const edge = layout.edges.find(
        (e) =>
          e.kind === "hold" &&
          Math.abs(distance(e.start, persona) - PERSONA_RADIUS) < 1e-6 &&
          Math.abs(distance(e.end, identifier) - IDENTIFIER_RADIUS) < 1e-6,
      );
      expect(edge, `${h.personaId} to ${h.identifierId}`).toBeDefined();
    }
  });

  it("in a crowded graph, still no edge runs through an identifier label", () => {
    const input = graph(
      12,
      60,
      Array.from({ length: 60 }, (_, i) => [(i * 7) % 12, i] as [number, number]).concat(
        Array.from({ length: 20 }, (_, i) => [(i * 5) % 12, i * 3] as [number, number]),
      ),
      Array.from({ length: 8 }, (_, i) => [i, (i * 5 + 3) % 12] as [number, number]),
    );
    const layout = layoutGraph(input, frame(12, 60), sizes);
    for (const label of layout.labels.filter((l) => l.kind === "identifier"))
      expect(layout.edges.filter((e) => segmentHitsBox(e.start, e.end, label.box))).toEqual([]);
  });

  it("finds a segment through a box and one beside it", () => {
    const box = { x: 0, y: 0, w: 10, h: 5 };
    expect(segmentHitsBox({ x: -5, y: 2 }, { x: 15, y: 2 }, box)).toBe(true);
    expect(segmentHitsBox({ x: -5, y: -5 }, { x: 15, y: 10 }, box)).toBe(true);
    expect(segmentHitsBox({ x: -5, y: 6 }, { x: 15, y: 6 }, box)).toBe(false);
    expect(segmentHitsBox({ x: -5, y: 2 }, { x: -1, y: 2 }, box)).toBe(false);
  });
});
