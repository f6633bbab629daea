import { type Color, rgb } from "pdf-lib";
import type { PackData } from "../data";
import { type Layout, muted } from "./layout";
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

interface Point {
  x: number;
  y: number;
}

/**
 * The persona graph as a picture: personas on an inner circle, the identifiers they hold on an
 * outer one (each placed near the personas holding it, so shared identifiers sit between their
 * holders), grey lines for holdings and purple lines for explicit links.
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
  const at = (angle: number, r: number): Point => ({
    x: center.x + r * Math.cos(angle),
    y: center.y + r * Math.sin(angle),
  });

  const personaAngle = new Map(
    data.personas.map((p, i) => [p.id, (2 * Math.PI * i) / data.personas.length + Math.PI / 2]),
  );
  const personaPos = new Map([...personaAngle].map(([id, a]) => [id, at(a, inner)]));
  const meanAngle = (identifierId: string) => {
    const angles = data.holdings
      .filter((h) => h.identifierId === identifierId)
      .map((h) => personaAngle.get(h.personaId) ?? 0);
    return Math.atan2(
      angles.reduce((s, a) => s + Math.sin(a), 0),
      angles.reduce((s, a) => s + Math.cos(a), 0),
    );
  };
  const ordered = data.identifiers.map((i) => ({ i, a: meanAngle(i.id) })).sort((a, b) => a.a - b.a);
  const identAngle = new Map(
    ordered.map(({ i }, n) => [
      i.id,
      ordered.length === 1 ? ordered[0]!.a : (2 * Math.PI * n) / ordered.length + (ordered[0]?.a ?? 0),
    ]),
  );
  const identPos = new Map([...identAngle].map(([id, a]) => [id, at(a, outer)]));

  for (const h of data.holdings) {
    const from = personaPos.get(h.personaId);
    const to = identPos.get(h.identifierId);
    if (from && to) l.page.drawLine({ start: from, end: to, thickness: 0.5, color: holdColor });
  }
  for (const k of data.links) {
    const from = personaPos.get(k.fromPersonaId);
    const to = personaPos.get(k.toPersonaId);
    if (!from || !to) continue;
    l.page.drawLine({ start: from, end: to, thickness: 1.6, color: linkColor });
    const label = l.regular.drawable(k.relation.replace(/_/g, " "));
    l.regular.draw(l.page, label, {
      x: (from.x + to.x) / 2 - l.regular.width(label, 6) / 2,
      y: (from.y + to.y) / 2 + 2,
      size: 6,
      color: linkColor,
    });
  }
  const labelIdentifiers = data.identifiers.length <= MAX_IDENTIFIER_LABELS;
  for (const i of data.identifiers) {
    const p = identPos.get(i.id)!;
    l.page.drawCircle({ x: p.x, y: p.y, size: 3.5, color: identifierColor });
    if (!labelIdentifiers) continue;
    const text = fit(l.regular, 6, `${i.type.replace(/_/g, " ")}: ${i.value}`, 90);
    const right = p.x >= center.x;
    const width = l.regular.width(text, 6);
    l.regular.draw(l.page, text, {
      x: right ? p.x + 6 : p.x - 6 - width,
      y: p.y - 2,
      size: 6,
      color: identifierColor,
    });
  }
  const labelPersonas = data.personas.length <= MAX_PERSONA_LABELS;
  for (const p of data.personas) {
    const pos = personaPos.get(p.id)!;
    l.page.drawCircle({
      x: pos.x,
      y: pos.y,
      size: 8,
      color: statusColors[p.status] ?? muted,
      borderColor: rgb(1, 1, 1),
      borderWidth: 1,
    });
    if (!labelPersonas) continue;
    const text = fit(l.bold, 7.5, p.displayName, 120);
    l.bold.draw(l.page, text, {
      x: pos.x - l.bold.width(text, 7.5) / 2,
      y: pos.y - 18,
      size: 7.5,
      color: rgb(0.1, 0.1, 0.12),
    });
  }
  l.y = center.y - size / 2 - 10;
  l.text(
    `Personas: red confirmed, orange suspected, green cleared, blue victim of identity theft. Grey dots are identifiers; grey lines show who holds them, purple lines are explicit links.${labelIdentifiers && labelPersonas ? "" : " Some labels are left out to keep the picture readable; the tables list every persona and identifier."}`,
    { size: 8, color: muted },
  );
}
