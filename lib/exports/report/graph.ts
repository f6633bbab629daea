import { type Color, rgb } from "pdf-lib";
import type { PackData } from "../data";
import { type Layout, muted } from "./layout";
import { IDENTIFIER_RADIUS, layoutGraph, PERSONA_RADIUS, type Size } from "./graph-layout";
import { fit } from "./text";

const statusColors: Record<string, Color> = {
  confirmed: rgb(0.8, 0.15, 0.15),
  suspected: rgb(0.93, 0.55, 0.1),
  cleared: rgb(0.2, 0.6, 0.3),
  stolen_identity_victim: rgb(0.2, 0.4, 0.8),
};
const linkColor = rgb(0.45, 0.2, 0.65);
const holdColor = rgb(0.7, 0.72, 0.76);
const identifierColor = rgb(0.45, 0.47, 0.5);
// Past these counts labels would overlap into noise; the tables before this page list everything.
const MAX_IDENTIFIER_LABELS = 60;
const MAX_PERSONA_LABELS = 30;

// A label's box: its text plus a margin on every side, painted white over whatever is behind.
const PAD = 1.5;
const boxOf = (width: number, size: number): Size => ({ w: width + 2 * PAD, h: size * 1.25 + 2 * PAD });

/**
 * The persona graph as a picture (geometry in ./graph-layout): grey lines for holdings and purple
 * lines for explicit links, each stopping at the node circles, and labels placed off the lines,
 * each on a white ground so that a line passing close by never runs through its text.
 */
export function drawGraph(l: Layout, data: PackData): void {
  l.newPage();
  l.heading("Persona graph");
  if (data.personas.length === 0) {
    l.text("No personas are attached to this case, so there is no graph to draw.", { color: muted });
    return;
  }
  const size = Math.min(l.contentWidth, l.y - 150);
  const center = { x: l.left + l.contentWidth / 2, y: l.y - size / 2 - 10 };
  // Room outside the outer circle for the identifier labels, so none runs off the page.
  const outer = Math.min(size / 2 - 30, l.contentWidth / 2 - 100);
  const inner = data.personas.length === 1 ? 0 : data.identifiers.length ? outer * 0.45 : outer * 0.8;

  const labelIdentifiers = data.identifiers.length <= MAX_IDENTIFIER_LABELS;
  const labelPersonas = data.personas.length <= MAX_PERSONA_LABELS;
  const identifierText = new Map(
    data.identifiers.map((i) => [i.id, fit(l.regular, 6, `${i.type.replace(/_/g, " ")}: ${i.value}`, 90)]),
  );
  const personaText = new Map(data.personas.map((p) => [p.id, fit(l.bold, 7.5, p.displayName, 120)]));
  const linkText = data.links.map((k) => l.regular.drawable(k.relation.replace(/_/g, " ")));
  const layout = layoutGraph(
    data,
    { center, outer, inner },
    {
      identifier: (id) => (labelIdentifiers ? boxOf(l.regular.width(identifierText.get(id) ?? "", 6), 6) : null),
      persona: (id) => (labelPersonas ? boxOf(l.bold.width(personaText.get(id) ?? "", 7.5), 7.5) : null),
      link: (n) => boxOf(l.regular.width(linkText[n] ?? "", 6), 6),
    },
  );

  for (const e of layout.edges)
    l.page.drawLine({
      start: e.start,
      end: e.end,
      thickness: e.kind === "link" ? 1.6 : 0.5,
      color: e.kind === "link" ? linkColor : holdColor,
    });
  for (const p of layout.identifiers.values())
    l.page.drawCircle({ x: p.x, y: p.y, size: IDENTIFIER_RADIUS, color: identifierColor });
  for (const p of data.personas) {
    const pos = layout.personas.get(p.id)!;
    l.page.drawCircle({
      x: pos.x,
      y: pos.y,
      size: PERSONA_RADIUS,
      color: statusColors[p.status] ?? muted,
      borderColor: rgb(1, 1, 1),
      borderWidth: 1,
    });
  }
  for (const { kind, key, box } of layout.labels) {
    l.page.drawRectangle({ x: box.x, y: box.y, width: box.w, height: box.h, color: rgb(1, 1, 1) });
    const at = { x: box.x + PAD, y: box.y + PAD + (kind === "persona" ? 7.5 : 6) * 0.3 };
    if (kind === "persona")
      l.bold.draw(l.page, personaText.get(key) ?? "", { ...at, size: 7.5, color: rgb(0.1, 0.1, 0.12) });
    else if (kind === "identifier")
      l.regular.draw(l.page, identifierText.get(key) ?? "", { ...at, size: 6, color: identifierColor });
    else l.regular.draw(l.page, linkText[Number(key)] ?? "", { ...at, size: 6, color: linkColor });
  }
  l.y = center.y - size / 2 - 10;
  l.text(
    `Personas: red confirmed, orange suspected, green cleared, blue victim of identity theft. Grey dots are identifiers; grey lines show who holds them, purple lines are explicit links.${labelIdentifiers && labelPersonas ? "" : " Some labels are left out to keep the picture readable; the tables list every persona and identifier."}`,
    { size: 8, color: muted },
  );
}
