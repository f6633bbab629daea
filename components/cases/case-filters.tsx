"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { caseStatuses, severities } from "@/lib/cases/constants";
import { useUrlState } from "@/lib/client/use-url-state";
import { severityLabels, statusLabels } from "./labels";

interface TextFilters {
  q: string;
  tag: string;
  team: string;
  channel: string;
}

interface SearchFormProps {
  initial: TextFilters;
  onSearch: (filters: TextFilters) => void;
}

function SearchForm({ initial, onSearch }: SearchFormProps) {
  const [q, setQ] = useState(initial.q);
  const [tag, setTag] = useState(initial.tag);
  const [team, setTeam] = useState(initial.team);
  const [channel, setChannel] = useState(initial.channel);
  return (
    <form
      role="search"
      aria-label="Search cases"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch({ q: q.trim(), tag: tag.trim().toLowerCase(), team: team.trim(), channel: channel.trim() });
      }}
    >
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <Label htmlFor="case-search">Search</Label>
        <Input
          id="case-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Words in title, subject or notes, or a reference"
        />
      </div>
      <div className="flex w-40 flex-col gap-1">
        <Label htmlFor="case-tag">Tag</Label>
        <Input id="case-tag" value={tag} onChange={(e) => setTag(e.target.value)} />
      </div>
      <div className="flex w-40 flex-col gap-1">
        <Label htmlFor="case-team">Team</Label>
        <Input id="case-team" value={team} onChange={(e) => setTeam(e.target.value)} placeholder="Subject's team" />
      </div>
      <div className="flex w-40 flex-col gap-1">
        <Label htmlFor="case-channel">Hiring channel</Label>
        <Input
          id="case-channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value)}
          placeholder="Or staffing vendor"
        />
      </div>
      <Button type="submit">Search</Button>
    </form>
  );
}

export function CaseFilters() {
  const { searchParams, set } = useUrlState();
  const text: TextFilters = {
    q: searchParams.get("q") ?? "",
    tag: searchParams.get("tag") ?? "",
    team: searchParams.get("team") ?? "",
    channel: searchParams.get("channel") ?? "",
  };

  return (
    <div className="mb-3 flex flex-col gap-3">
      {/* Keyed on the URL so "Clear filters" or back/forward resets what is typed. */}
      <SearchForm key={Object.values(text).join("\u0000")} initial={text} onSearch={(next) => set({ ...next })} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex w-40 flex-col gap-1">
          <Label htmlFor="filter-status">Status</Label>
          <Select
            id="filter-status"
            value={searchParams.get("status") ?? ""}
            onChange={(e) => set({ status: e.target.value })}
          >
            <option value="">Any status</option>
            <option value="triage,investigating,contained,referred">Open</option>
            {caseStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex w-36 flex-col gap-1">
          <Label htmlFor="filter-severity">Severity</Label>
          <Select
            id="filter-severity"
            value={searchParams.get("severity") ?? ""}
            onChange={(e) => set({ severity: e.target.value })}
          >
            <option value="">Any severity</option>
            {severities.map((s) => (
              <option key={s} value={s}>
                {severityLabels[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex w-36 flex-col gap-1">
          <Label htmlFor="filter-lead">Lead</Label>
          <Select
            id="filter-lead"
            value={searchParams.get("lead") === "me" ? "me" : ""}
            onChange={(e) => set({ lead: e.target.value })}
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="filter-from">Opened from</Label>
          <Input
            id="filter-from"
            type="date"
            className="w-40"
            value={searchParams.get("openedFrom") ?? ""}
            onChange={(e) => set({ openedFrom: e.target.value })}
          />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="filter-to">Opened to</Label>
          <Input
            id="filter-to"
            type="date"
            className="w-40"
            value={searchParams.get("openedTo") ?? ""}
            onChange={(e) => set({ openedTo: e.target.value })}
          />
        </div>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={searchParams.get("overdue") === "true"}
            onChange={(e) => set({ overdue: e.target.checked ? "true" : null })}
          />
          Overdue only
        </label>
        {searchParams.toString() ? (
          <Button variant="ghost" onClick={() => window.history.pushState(null, "", window.location.pathname)}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
