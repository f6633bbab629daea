"use client";

import Link from "next/link";
import { PersonaStatusBadge, RiskBadge } from "@/components/personas/persona-badges";
import { identifierTypeLabels } from "@/components/personas/labels";
import { Button } from "@/components/ui/button";
import type { GraphNode, GraphView } from "@/lib/graph/views";

interface NodeDetailsProps {
  node: GraphNode;
  view: GraphView;
  expanding: boolean;
  onExpand: (personaId: string) => void;
  onPathEnd: (nodeId: string, end: 0 | 1) => void;
}

/**
 * What the clicked node is, what it touches and the evidence behind each edge. Hashes and wallets
 * are one long word: they break anywhere rather than run out of the panel.
 */
export function NodeDetails({ node, view, expanding, onExpand, onPathEnd }: NodeDetailsProps) {
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const touching = view.edges.filter((e) => e.source === node.id || e.target === node.id);
  return (
    <section
      aria-label="Selected node"
      className="flex min-w-0 flex-col gap-2 rounded-md border p-3 text-sm [overflow-wrap:anywhere]"
      data-testid="node-details"
    >
      {node.kind === "persona" ? (
        <>
          <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold">
            {node.label} <PersonaStatusBadge status={node.status} /> <RiskBadge score={node.riskScore} />
          </h3>
          <p className="text-muted-foreground">
            {node.depth === 0 ? "Starting point" : `${node.depth} hop${node.depth === 1 ? "" : "s"} away`}
            {node.inCase ? " · in this case" : ""}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button asChild size="sm">
              <Link href={`/personas/${node.personaId}`}>Open persona page</Link>
            </Button>
            {!node.expanded ? (
              <Button size="sm" variant="outline" disabled={expanding} onClick={() => onExpand(node.personaId)}>
                {expanding ? "Expanding…" : "Expand neighbours"}
              </Button>
            ) : null}
            <Button size="sm" variant="outline" onClick={() => onPathEnd(node.id, 0)}>
              Path from here
            </Button>
            <Button size="sm" variant="outline" onClick={() => onPathEnd(node.id, 1)}>
              Path to here
            </Button>
          </div>
        </>
      ) : (
        <>
          <h3 className="text-base font-semibold">
            {identifierTypeLabels[node.identifierType]}:{" "}
            <span className="font-mono text-sm break-all">{node.label}</span>
          </h3>
          {node.chain ? <p>Chain: {node.chain}</p> : null}
          {node.hiddenHolders > 0 ? (
            <p className="text-amber-800">
              Also held by {node.hiddenHolders} persona{node.hiddenHolders === 1 ? "" : "s"} in cases you cannot access.
            </p>
          ) : null}
          {node.moreHolders > 0 ? (
            <p className="text-muted-foreground">
              Held by {node.moreHolders} more persona{node.moreHolders === 1 ? "" : "s"} than this view shows (it shows
              the most confident holders of each identifier, while it has room); expand a persona to go further.
            </p>
          ) : null}
        </>
      )}
      <ul className="flex flex-col gap-1">
        {touching.map((e) => {
          const other = nodes.get(e.source === node.id ? e.target : e.source);
          return (
            <li key={e.id}>
              {e.kind === "link" ? `${e.label} ` : ""}
              {other?.kind === "persona" ? (
                <Link className="text-primary hover:underline" href={`/personas/${other.personaId}`}>
                  {other.label}
                </Link>
              ) : (
                <span className="font-mono text-xs break-all">{other?.label}</span>
              )}
              <span className="text-muted-foreground">
                {" "}
                · confidence {e.confidence}
                {e.evidenceId ? ` · evidence ${e.evidenceId.slice(0, 8)}` : ""}
                {e.rationale ? ` · ${e.rationale}` : ""}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
