import { describe, expect, it } from "vitest";
import type { GraphView } from "@/lib/graph/views";
import { applyFilter, mergeGraphs, shortestPath } from "./graph-model";

const persona = (id: string, expanded = true) => ({
  id: `p:${id}`,
  kind: "persona" as const,
  personaId: "00000000-0000-4000-8000-000000000000",
  label: id,
  status: "suspected" as const,
  riskScore: 0,
  depth: 0,
  expanded,
});
const ident = (id: string, type: "phone" | "email") => ({
  id: `i:${id}`,
  kind: "identifier" as const,
  identifierId: "00000000-0000-4000-8000-000000000001",
  label: id,
  identifierType: type,
  hiddenHolders: 0,
  moreHolders: 0,
});
const edge = (s: string, t: string, confidence = 50) => ({
  id: `${s}>${t}`,
  source: s,
  target: t,
  kind: "identifier" as const,
  label: "",
  confidence,
  evidenceId: null,
});

const view: GraphView = {
  nodes: [persona("A"), persona("B"), persona("C", false), ident("phone", "phone"), ident("mail", "email")],
  edges: [edge("p:A", "i:phone", 90), edge("p:B", "i:phone", 90), edge("p:B", "i:mail", 20), edge("p:C", "i:mail", 20)],
  truncated: false,
};

describe("graph model", () => {
  it("finds the shortest path between two personas", () => {
    expect(shortestPath(view, "p:A", "p:C")).toEqual({
      nodes: ["p:A", "i:phone", "p:B", "i:mail", "p:C"],
      edges: ["p:A>i:phone", "p:B>i:phone", "p:B>i:mail", "p:C>i:mail"],
    });
    expect(shortestPath(view, "p:A", "p:A")).toEqual({ nodes: ["p:A"], edges: [] });
  });

  it("filters by identifier type and confidence, which can cut a path", () => {
    const byType = applyFilter(view, { hiddenTypes: new Set(["email"]), minConfidence: 0 });
    expect(byType.nodes.map((n) => n.id)).not.toContain("i:mail");
    expect(shortestPath(byType, "p:A", "p:C")).toBeNull();
    const byConfidence = applyFilter(view, { hiddenTypes: new Set(), minConfidence: 50 });
    expect(byConfidence.edges).toHaveLength(2);
  });

  it("merges an expansion without duplicates", () => {
    const merged = mergeGraphs(view, {
      nodes: [persona("C", true), persona("D")],
      edges: [edge("p:C", "i:mail", 20), edge("p:D", "i:mail")],
      truncated: false,
    });
    expect(merged.nodes).toHaveLength(6);
    expect(merged.edges).toHaveLength(5);
    expect(merged.nodes.find((n) => n.id === "p:C")).toMatchObject({ expanded: true });
  });
});
