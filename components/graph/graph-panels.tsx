"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useCaseGraph, usePersonaGraph } from "@/lib/client/hooks/use-graph";
import { GraphExplorer } from "./graph-explorer";

export function PersonaGraphPanel({ personaId }: { personaId: string }) {
  const [depth, setDepth] = useState(2);
  const query = usePersonaGraph(personaId, depth);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex w-40 flex-col gap-1">
        <Label htmlFor="graph-depth">Depth</Label>
        <Select id="graph-depth" value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
          <option value={1}>1 hop</option>
          <option value={2}>2 hops</option>
          <option value={3}>3 hops</option>
        </Select>
      </div>
      {query.error ? <Alert tone="error">{query.error.message}</Alert> : null}
      {query.data ? (
        <GraphExplorer key={`${personaId}-${depth}`} graph={query.data} name={`persona-${personaId.slice(0, 8)}`} />
      ) : (
        <Skeleton className="h-[520px] w-full" />
      )}
    </div>
  );
}

export function CaseGraphPanel({ caseId }: { caseId: string }) {
  const query = useCaseGraph(caseId);
  if (query.error) return <Alert tone="error">{query.error.message}</Alert>;
  return query.data ? (
    <GraphExplorer graph={query.data} name={`case-${caseId.slice(0, 8)}`} />
  ) : (
    <Skeleton className="h-[520px] w-full" />
  );
}
