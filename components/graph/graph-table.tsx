"use client";

import Link from "next/link";
import { memo, useState } from "react";
import { identifierTypeLabels, personaStatusLabels } from "@/components/personas/labels";
import { Button } from "@/components/ui/button";
import { ScrollTable, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { GraphView } from "@/lib/graph/views";

interface GraphTableProps {
  view: GraphView;
  onSelect: (nodeId: string) => void;
}

/** Rows drawn at first, and added per "Show more": thousands of rows at once would block the page for a second. */
const STEP = 100;

function MoreRows({ shown, total, what, onMore }: { shown: number; total: number; what: string; onMore: () => void }) {
  if (shown >= total) return null;
  return (
    <div className="flex items-center justify-between gap-2 border-t p-2 text-xs text-muted-foreground">
      <span>
        Showing {shown} of {total} {what}
      </span>
      <Button variant="outline" size="sm" onClick={onMore}>
        Show {Math.min(STEP * 5, total - shown)} more
      </Button>
    </div>
  );
}

/**
 * The graph as two tables, each in one scrolling box that the keyboard can reach (a box inside a
 * box hid the sideways scroll bar below the last row): the accessible alternative to the canvas, with the same nodes and
 * edges, drawn a hundred rows at a time. Memoised: not to be redrawn on every click.
 */
export const GraphTable = memo(function GraphTable({ view, onSelect }: GraphTableProps) {
  const labelOf = new Map(view.nodes.map((n) => [n.id, n.label]));
  const [nodeRows, setNodeRows] = useState(STEP);
  const [edgeRows, setEdgeRows] = useState(STEP);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="min-w-0 rounded-md border">
        <ScrollTable label="Graph nodes, scrollable" boxClassName="max-h-96" aria-label="Graph nodes">
          <THead>
            <tr>
              <Th>Node</Th>
              <Th>Kind</Th>
              <Th>Details</Th>
            </tr>
          </THead>
          <TBody>
            {view.nodes.slice(0, nodeRows).map((n) => (
              <Tr key={n.id} data-testid="graph-node">
                <Td>
                  {n.kind === "persona" ? (
                    <Link href={`/personas/${n.personaId}`} className="font-medium text-primary hover:underline">
                      {n.label}
                    </Link>
                  ) : (
                    <span className="font-mono text-xs">{n.label}</span>
                  )}
                </Td>
                <Td>
                  {n.kind === "persona"
                    ? `Persona (${personaStatusLabels[n.status]})`
                    : identifierTypeLabels[n.identifierType]}
                </Td>
                <Td>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => onSelect(n.id)}
                    aria-label={`Show details of ${n.label}`}
                  >
                    Show
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </ScrollTable>
        <MoreRows
          shown={Math.min(nodeRows, view.nodes.length)}
          total={view.nodes.length}
          what="nodes"
          onMore={() => setNodeRows((n) => n + STEP * 5)}
        />
      </div>
      <div className="min-w-0 rounded-md border">
        <ScrollTable label="Graph edges, scrollable" boxClassName="max-h-96" aria-label="Graph edges">
          <THead>
            <tr>
              <Th>From</Th>
              <Th>Edge</Th>
              <Th>To</Th>
              <Th>Confidence</Th>
            </tr>
          </THead>
          <TBody>
            {view.edges.slice(0, edgeRows).map((e) => (
              <Tr key={e.id} data-testid="graph-edge">
                <Td>{labelOf.get(e.source)}</Td>
                <Td>{e.kind === "link" ? e.label : `holds ${e.label}`}</Td>
                <Td className={e.kind === "identifier" ? "font-mono text-xs" : undefined}>{labelOf.get(e.target)}</Td>
                <Td className="tabular-nums">{e.confidence}</Td>
              </Tr>
            ))}
          </TBody>
        </ScrollTable>
        <MoreRows
          shown={Math.min(edgeRows, view.edges.length)}
          total={view.edges.length}
          what="edges"
          onMore={() => setEdgeRows((n) => n + STEP * 5)}
        />
      </div>
    </div>
  );
});
