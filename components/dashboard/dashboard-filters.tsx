"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { periodLabels, periodPresets } from "@/lib/dashboard/period";
import type { DashboardUrl } from "@/lib/dashboard/url";
import type { DashboardSummary } from "@/lib/dashboard/views";

interface DashboardFiltersProps {
  url: DashboardUrl;
  options: DashboardSummary["options"] | undefined;
  onChange: (changes: Record<string, string | null>) => void;
}

const severityChoices = [
  ["", "Any severity"],
  ["critical", "Critical"],
  ["high,critical", "High or critical"],
  ["high", "High"],
  ["medium", "Medium"],
  ["low", "Low"],
] as const;

/** A choice list that keeps the current value even when it is not among the suggestions. */
function withCurrent(values: string[] | undefined, current: string | undefined): string[] {
  const list = values ?? [];
  return current && !list.some((v) => v.toLowerCase() === current.toLowerCase()) ? [current, ...list] : list;
}

export function DashboardFilters({ url, options, onChange }: DashboardFiltersProps) {
  const { period, query } = url;
  return (
    <form
      role="search"
      aria-label="Dashboard filters"
      className="flex flex-wrap items-end gap-3 print:hidden"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="flex w-44 flex-col gap-1">
        <Label htmlFor="dashboard-period">Period</Label>
        <Select
          id="dashboard-period"
          value={period}
          onChange={(e) =>
            onChange(
              e.target.value === "custom"
                ? { period: "custom", from: query.from ?? null, to: query.to ?? null }
                : { period: e.target.value, from: null, to: null },
            )
          }
        >
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {periodLabels[p]}
            </option>
          ))}
        </Select>
      </div>
      {period === "custom" ? (
        <>
          <div className="flex flex-col gap-1">
            <Label htmlFor="dashboard-from">From</Label>
            <Input
              id="dashboard-from"
              type="date"
              className="w-40"
              value={query.from ?? ""}
              max={query.to}
              onChange={(e) => onChange({ period: "custom", from: e.target.value || null })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="dashboard-to">To</Label>
            <Input
              id="dashboard-to"
              type="date"
              className="w-40"
              value={query.to ?? ""}
              min={query.from}
              onChange={(e) => onChange({ period: "custom", to: e.target.value || null })}
            />
          </div>
        </>
      ) : null}
      <div className="flex w-48 flex-col gap-1">
        <Label htmlFor="dashboard-team">Team</Label>
        <Select
          id="dashboard-team"
          value={query.team ?? ""}
          onChange={(e) => onChange({ team: e.target.value || null })}
        >
          <option value="">Every team</option>
          {withCurrent(options?.teams, query.team).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex w-48 flex-col gap-1">
        <Label htmlFor="dashboard-channel">Hiring channel</Label>
        <Select
          id="dashboard-channel"
          value={query.channel ?? ""}
          onChange={(e) => onChange({ channel: e.target.value || null })}
        >
          <option value="">Every channel</option>
          {withCurrent(options?.channels, query.channel).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex w-40 flex-col gap-1">
        <Label htmlFor="dashboard-severity">Severity</Label>
        <Select
          id="dashboard-severity"
          value={typeof query.severity === "string" ? query.severity : ""}
          onChange={(e) => onChange({ severity: e.target.value || null })}
        >
          {severityChoices.some(([v]) => v === query.severity) || !query.severity ? null : (
            <option value={String(query.severity)}>{String(query.severity)}</option>
          )}
          {severityChoices.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
    </form>
  );
}
