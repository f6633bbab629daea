"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { usePersonaList } from "@/lib/client/hooks/use-personas";
import type { PersonaSummary } from "@/lib/personas/views";
import { PersonaStatusBadge } from "./persona-badges";

interface PersonaPickerProps {
  id: string;
  label: string;
  exclude?: string[];
  onPick: (persona: PersonaSummary) => void;
}

/** Search personas the user may see by name or alias and pick one. */
export function PersonaPicker({ id, label, exclude = [], onPick }: PersonaPickerProps) {
  const [q, setQ] = useState("");
  const term = q.trim();
  const results = usePersonaList(
    term.length >= 2 ? new URLSearchParams({ q: term, pageSize: "8" }).toString() : "pageSize=8&sort=-updatedAt",
  );
  const items = (results.data?.items ?? []).filter((p) => !exclude.includes(p.id));
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Type a name or alias"
        autoComplete="off"
      />
      <ul aria-label={`${label}: results`} className="flex max-h-56 flex-col overflow-y-auto rounded-md border">
        {items.length === 0 ? (
          <li className="px-3 py-2 text-sm text-muted-foreground">
            {results.isFetching ? "Searching…" : "No persona found"}
          </li>
        ) : null}
        {items.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="flex w-full items-center justify-between gap-2 px-3 py-1.5 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none"
              onClick={() => onPick(p)}
            >
              <span>{p.displayName}</span>
              <PersonaStatusBadge status={p.status} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
