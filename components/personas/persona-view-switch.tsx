"use client";

import { useUrlState } from "@/lib/client/use-url-state";
import { cn } from "@/lib/utils";
import { NetworksList } from "./networks-list";
import { PersonaFilters } from "./persona-filters";
import { PersonasTable } from "./personas-table";
import type { PersonaList } from "@/lib/personas/views";

const views = [
  { id: "list", label: "Personas" },
  { id: "networks", label: "Networks" },
] as const;

/** The persona list or the networks view; which one is kept in the address. */
export function PersonaViews({ initial }: { initial: { search: string; data: PersonaList } }) {
  const { searchParams } = useUrlState();
  const view = searchParams.get("view") === "networks" ? "networks" : "list";
  return (
    <>
      <nav aria-label="Persona views" className="mb-4 flex gap-1 border-b">
        {views.map((v) => (
          <button
            key={v.id}
            type="button"
            aria-current={view === v.id ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-foreground hover:text-foreground",
              view === v.id && "border-primary text-foreground",
            )}
            onClick={() =>
              window.history.pushState(null, "", v.id === "list" ? window.location.pathname : "?view=networks")
            }
          >
            {v.label}
          </button>
        ))}
      </nav>
      {view === "networks" ? (
        <NetworksList />
      ) : (
        <>
          <PersonaFilters />
          <PersonasTable initial={initial} />
        </>
      )}
    </>
  );
}
