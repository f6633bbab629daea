"use client";

import { formatCount } from "@/lib/format";
import { useMemo, useRef, useState } from "react";
import { identifierTypeLabels } from "@/components/personas/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { IdentifierType } from "@/lib/personas/constants";
import { fetchNeighbours } from "@/lib/client/hooks/use-graph";
import type { GraphView } from "@/lib/graph/views";
import { type GraphControls, CytoscapeCanvas } from "./cytoscape-canvas";
import { applyFilter, mergeGraphs, shortestPath } from "./graph-model";
import { identifierShapes } from "./graph-style";
import { GraphTable } from "./graph-table";
import { NodeDetails } from "./node-details";

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface GraphExplorerProps {
  graph: GraphView;
  /** Used in file names and the canvas description. */
  name: string;
}

/** The interactive graph: filters, details on click, expand on demand, shortest path, export. */
export function GraphExplorer({ graph, name }: GraphExplorerProps) {
  const [extra, setExtra] = useState<GraphView | null>(null);
  const full = useMemo(() => (extra ? mergeGraphs(graph, extra) : graph), [graph, extra]);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(new Set());
  const [minConfidence, setMinConfidence] = useState(0);
  const view = useMemo(() => applyFilter(full, { hiddenTypes, minConfidence }), [full, hiddenTypes, minConfidence]);
  const [selected, setSelected] = useState<string | null>(null);
  const [ends, setEnds] = useState<[string, string]>(["", ""]);
  const [expanding, setExpanding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const controls = useRef<GraphControls | null>(null);

  const types = useMemo(
    () =>
      [
        ...new Set(full.nodes.flatMap((n) => (n.kind === "identifier" ? [n.identifierType] : []))),
      ].sort() as IdentifierType[],
    [full],
  );
  const personas = view.nodes.filter((n) => n.kind === "persona");
  const path = useMemo(() => (ends[0] && ends[1] ? shortestPath(view, ends[0], ends[1]) : null), [view, ends]);
  const endpoints = useMemo(() => ends.filter(Boolean), [ends]);
  const highlight = useMemo(() => new Set(path ? [...path.nodes, ...path.edges] : []), [path]);
  const selectedNode = view.nodes.find((n) => n.id === selected) ?? null;
  const labelOf = new Map(view.nodes.map((n) => [n.id, n.label]));
  const counts = `${formatCount(personas.length, "persona")}, ${formatCount(view.nodes.length - personas.length, "identifier")}, ${formatCount(view.edges.length, "edge")}`;

  async function expand(personaId: string) {
    setExpanding(true);
    setProblem(null);
    try {
      const more = await fetchNeighbours(personaId);
      setExtra((prev) => (prev ? mergeGraphs(prev, more) : more));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "Could not expand");
    } finally {
      setExpanding(false);
    }
  }

  if (graph.nodes.length === 0) {
    return (
      <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
        Nothing to draw yet: add personas and their identifiers, and the links between them appear here.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <legend className="mb-1 text-sm font-medium">Identifier types</legend>
          {types.map((t) => (
            <label key={t} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={!hiddenTypes.has(t)}
                onChange={(e) => {
                  const next = new Set(hiddenTypes);
                  if (e.target.checked) next.delete(t);
                  else next.add(t);
                  setHiddenTypes(next);
                }}
              />
              {identifierTypeLabels[t]}{" "}
              <span className="text-xs text-muted-foreground">({identifierShapes[t].replace(/-/g, " ")})</span>
            </label>
          ))}
        </fieldset>
        <div className="flex w-44 flex-col gap-1">
          <Label htmlFor={`${name}-confidence`}>Minimum confidence: {minConfidence}</Label>
          <input
            id={`${name}-confidence`}
            type="range"
            min={0}
            max={100}
            step={5}
            value={minConfidence}
            onChange={(e) => setMinConfidence(Number(e.target.value))}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        {([0, 1] as const).map((end) => (
          <div key={end} className="flex w-56 flex-col gap-1">
            <Label htmlFor={`${name}-path-${end}`}>{end === 0 ? "Shortest path from" : "to"}</Label>
            <Select
              id={`${name}-path-${end}`}
              value={ends[end]}
              onChange={(e) => setEnds(end === 0 ? [e.target.value, ends[1]] : [ends[0], e.target.value])}
            >
              <option value="">Choose a persona</option>
              {personas.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </div>
        ))}
        <Button variant="ghost" size="sm" onClick={() => setEnds(["", ""])}>
          Clear path
        </Button>
        <span className="ml-auto flex gap-2">
          <Button variant="outline" size="sm" onClick={() => controls.current?.fit()}>
            Fit
          </Button>
          <Button
            variant="outline"
            size="sm"
            onClick={() => void controls.current?.exportPng().then((b) => download(`${name}.png`, b))}
          >
            Export PNG
          </Button>
          <Button
            variant="outline"
            size="sm"
            onClick={() =>
              controls.current &&
              download(`${name}.svg`, new Blob([controls.current.exportSvg()], { type: "image/svg+xml" }))
            }
          >
            Export SVG
          </Button>
        </span>
      </div>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {counts}
        {full.truncated ? " · the view stopped at its size limit; expand nodes to go further" : ""}
        {ends[0] && ends[1]
          ? path
            ? ` · path: ${path.nodes.map((id) => labelOf.get(id)).join(" → ")}`
            : " · no path between them with these filters"
          : ""}
      </p>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <div className="grid gap-3 lg:grid-cols-[1fr_20rem]">
        <CytoscapeCanvas
          view={view}
          highlight={highlight}
          endpoints={endpoints}
          onSelect={setSelected}
          onReady={(c) => (controls.current = c)}
          label={`Graph of ${counts}. The same nodes and edges are listed in the tables below.`}
        />
        {selectedNode ? (
          <NodeDetails
            node={selectedNode}
            view={view}
            expanding={expanding}
            onExpand={(id) => void expand(id)}
            onPathEnd={(id, end) => setEnds(end === 0 ? [id, ends[1]] : [ends[0], id])}
          />
        ) : (
          <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">
            Click a node (or “Show” in the table) for its details. Dashed personas can be expanded.
          </p>
        )}
      </div>
      <GraphTable view={view} onSelect={setSelected} />
    </div>
  );
}
