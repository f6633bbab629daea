"use client";

import type { Core, ElementDefinition, Position } from "cytoscape";
import { useEffect, useRef, useState } from "react";
import type { GraphView } from "@/lib/graph/views";
import { graphStylesheet, identifierShapes, statusColours } from "./graph-style";

/** Above this many nodes the view switches to a concentric layout and cheaper rendering. */
const LARGE = 300;

export interface GraphControls {
  exportPng: () => Promise<Blob>;
  exportSvg: () => string;
  fit: () => void;
}

interface CytoscapeCanvasProps {
  view: GraphView;
  highlight: ReadonlySet<string>;
  endpoints: readonly string[];
  onSelect: (nodeId: string | null) => void;
  onReady?: (controls: GraphControls) => void;
  label: string;
}

let svgRegistered = false;

function toElements(view: GraphView): ElementDefinition[] {
  const nodes: ElementDefinition[] = view.nodes.map((n) =>
    n.kind === "persona"
      ? {
          group: "nodes",
          data: {
            id: n.id,
            kind: "persona",
            label: n.label,
            colour: statusColours[n.status],
            inCase: n.inCase ?? false,
            expanded: n.expanded,
          },
        }
      : {
          group: "nodes",
          data: { id: n.id, kind: "identifier", label: n.label, shape: identifierShapes[n.identifierType] },
        },
  );
  const edges: ElementDefinition[] = view.edges.map((e) => ({
    group: "edges",
    data: { id: e.id, source: e.source, target: e.target, kind: e.kind, label: e.label, confidence: e.confidence },
  }));
  return [...nodes, ...edges];
}

/** Cytoscape.js on a canvas, loaded only in the browser; elements are diffed in so expanding keeps positions. */
export function CytoscapeCanvas({ view, highlight, endpoints, onSelect, onReady, label }: CytoscapeCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const positions = useRef(new Map<string, Position>());
  const onSelectRef = useRef(onSelect);
  const onReadyRef = useRef(onReady);
  // Fixed at mount: these renderer options cannot change later, and a view rarely crosses the line.
  const startsLarge = useRef(view.nodes.length > LARGE);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    onSelectRef.current = onSelect;
    onReadyRef.current = onReady;
  });

  useEffect(() => {
    let cancelled = false;
    let cy: Core | undefined;
    (async () => {
      const [{ default: cytoscape }, { default: svg }] = await Promise.all([
        import("cytoscape"),
        import("cytoscape-svg"),
      ]);
      if (!svgRegistered) {
        cytoscape.use(svg);
        svgRegistered = true;
      }
      if (cancelled || !container.current) return;
      const large = startsLarge.current;
      cy = cytoscape({
        container: container.current,
        elements: [],
        style: graphStylesheet(large),
        minZoom: 0.05,
        maxZoom: 4,
        // Large views pan and zoom a cached bitmap and drop edges mid-gesture, which keeps 2,000 nodes fluid.
        textureOnViewport: large,
        hideEdgesOnViewport: large,
        pixelRatio: large ? 1 : "auto",
      });
      cy.on("tap", "node", (e) => onSelectRef.current(e.target.id() as string));
      cy.on("tap", (e) => {
        if (e.target === cy) onSelectRef.current(null);
      });
      cyRef.current = cy;
      setReady(true);
      const core = cy;
      onReadyRef.current?.({
        exportPng: () => core.png({ output: "blob-promise", full: true, bg: "#ffffff", scale: 2 }),
        exportSvg: () => (core as unknown as { svg: (o: object) => string }).svg({ full: true, bg: "#ffffff" }),
        fit: () => core.fit(undefined, 30),
      });
    })().catch((error: unknown) => setFailed(error instanceof Error ? error.message : "The graph could not be drawn"));
    return () => {
      cancelled = true;
      cy?.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!ready || !cy) return;
    const elements = toElements(view);
    const wanted = new Set(elements.map((e) => e.data.id as string));
    const large = view.nodes.length > LARGE;
    let added = 0;
    let unplaced = 0;
    cy.batch(() => {
      cy.nodes().forEach((n) => void positions.current.set(n.id(), { ...n.position() }));
      cy.elements()
        .filter((el) => !wanted.has(el.id()))
        .remove();
      for (const el of elements) {
        const id = el.data.id as string;
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          existing.data(el.data);
          continue;
        }
        const known = el.group === "nodes" ? positions.current.get(id) : undefined;
        if (el.group === "nodes" && !known) unplaced++;
        cy.add(known ? { ...el, position: known } : el);
        added++;
      }
      cy.style(graphStylesheet(large));
    });
    if (added > 0 && unplaced > 0) {
      const layout = large
        ? {
            name: "concentric",
            animate: false,
            minNodeSpacing: 6,
            concentric: (n: { degree: (b: boolean) => number }) => n.degree(false),
            levelWidth: () => 4,
          }
        : {
            name: "cose",
            animate: false,
            randomize: false,
            nodeRepulsion: () => 9000,
            idealEdgeLength: () => 60,
            numIter: 800,
          };
      cy.layout(layout as never).run();
      cy.fit(undefined, 30);
    }
  }, [view, ready]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!ready || !cy) return;
    cy.batch(() => {
      cy.elements().removeClass("path endpoint");
      for (const id of highlight) cy.getElementById(id).addClass("path");
      for (const id of endpoints) cy.getElementById(id).addClass("endpoint");
    });
  }, [highlight, endpoints, ready, view]);

  return (
    <div className="relative h-[520px] w-full rounded-md border bg-white">
      {/* Sized itself: Cytoscape positions its container, so an absolutely inset one collapses to 0 px. */}
      <div ref={container} role="img" aria-label={label} className="h-full w-full" data-testid="graph-canvas" />
      {!ready && !failed ? (
        <p className="absolute inset-0 grid place-items-center text-sm text-muted-foreground">Drawing the graph…</p>
      ) : null}
      {failed ? <p className="absolute inset-0 grid place-items-center text-sm text-destructive">{failed}</p> : null}
    </div>
  );
}
