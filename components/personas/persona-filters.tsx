"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { personaStatuses } from "@/lib/personas/constants";
import { useUrlState } from "@/lib/client/use-url-state";
import { personaStatusLabels } from "./labels";

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const [q, setQ] = useState(initial);
  return (
    <form
      role="search"
      aria-label="Search personas"
      className="flex min-w-72 flex-1 items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q.trim());
      }}
    >
      <div className="flex flex-1 flex-col gap-1">
        <Label htmlFor="persona-search">Search</Label>
        <Input
          id="persona-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Name or alias"
        />
      </div>
      <Button type="submit">Search</Button>
    </form>
  );
}

export function PersonaFilters() {
  const { searchParams, set } = useUrlState();
  const q = searchParams.get("q") ?? "";
  return (
    <div className="mb-3 flex flex-wrap items-end gap-3">
      <SearchForm key={q} initial={q} onSearch={(next) => set({ q: next })} />
      <div className="flex w-52 flex-col gap-1">
        <Label htmlFor="persona-status">Status</Label>
        <Select
          id="persona-status"
          value={searchParams.get("status") ?? ""}
          onChange={(e) => set({ status: e.target.value })}
        >
          <option value="">Any status</option>
          {personaStatuses.map((s) => (
            <option key={s} value={s}>
              {personaStatusLabels[s]}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
