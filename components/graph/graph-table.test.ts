import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { GraphView } from "@/lib/graph/views";
import { GraphTable } from "./graph-table";

function bigView(personas: number): GraphView {
  const phone = {
    id: "i:phone",
    kind: "identifier" as const,
    identifierId: "00000000-0000-4000-8000-000000000001",
    label: "+12025550100",
    identifierType: "phone" as const,
    hiddenHolders: 0,
    moreHolders: 0,
  };
  const people = Array.from({ length: personas }, (_, k) => ({
    id: `p:${k}`,
    kind: "persona" as const,
    personaId: `00000000-0000-4000-8000-${String(k).padStart(12, "0")}`,
    label: `Persona ${k}`,
    status: "suspected" as const,
    riskScore: 10,
    depth: 1,
    expanded: false,
  }));
  return {
    nodes: [...people, phone],
    edges: people.map((p) => ({
      id: `h:${p.id}`,
      source: p.id,
      target: phone.id,
      kind: "identifier" as const,
      label: "Phone",
      confidence: 50,
      evidenceId: null,
    })),
    truncated: false,
  };
}

const rows = (html: string, testId: string) => html.split(`data-testid="${testId}"`).length - 1;

describe("the graph's table alternative", () => {
  it("draws the first hundred nodes and edges of a large view and says how many there are", () => {
    const html = renderToStaticMarkup(createElement(GraphTable, { view: bigView(250), onSelect: () => {} }));
    expect(rows(html, "graph-node")).toBe(100);
    expect(rows(html, "graph-edge")).toBe(100);
    expect(html).toContain("Showing 100 of 251 nodes");
    expect(html).toContain("Showing 100 of 250 edges");
    expect(html).toContain("Persona 99<");
    expect(html).not.toContain("Persona 100<");
  });

  it("draws every row of a small view, with no paging", () => {
    const html = renderToStaticMarkup(createElement(GraphTable, { view: bigView(20), onSelect: () => {} }));
    expect(rows(html, "graph-node")).toBe(21);
    expect(rows(html, "graph-edge")).toBe(20);
    expect(html).not.toContain("Showing");
  });
});
