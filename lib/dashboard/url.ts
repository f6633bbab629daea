import { periodPresets, type PeriodPreset, resolvePeriod, todayUtc } from "./period";
import type { DashboardQuery } from "./schema";

/** What the page address holds: a period preset (or custom dates) and the filters. */
export interface DashboardUrl {
  period: PeriodPreset;
  query: DashboardQuery;
  /** The API query string for that address, in a fixed order (also the cache key). */
  apiSearch: string;
}

interface ParamReader {
  get(name: string): string | null;
}

/**
 * Reads the dashboard address. Presets are kept relative ("last 30 days"), so a shared or
 * bookmarked link shows current figures; only a custom period pins its dates.
 */
export function readDashboardUrl(params: ParamReader, today = todayUtc()): DashboardUrl {
  const raw = params.get("period");
  const hasDates = Boolean(params.get("from") || params.get("to"));
  const period: PeriodPreset = (periodPresets as readonly string[]).includes(raw ?? "")
    ? (raw as PeriodPreset)
    : hasDates
      ? "custom"
      : "30d";
  const dates = resolvePeriod(
    period,
    { from: params.get("from") || undefined, to: params.get("to") || undefined },
    today,
  );
  const query: DashboardQuery = { ...dates };
  for (const key of ["team", "channel", "severity"] as const) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  const api = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (typeof value === "string") api.set(key, value);
  return { period, query, apiSearch: api.toString() };
}

/** What a chart segment narrows the case list to, on top of the dashboard's team and channel. */
export interface SegmentFilter {
  status?: string;
  severity?: string;
  openedFrom?: string;
  openedTo?: string;
  team?: string | null;
  channel?: string | null;
}

/** Case list address for a chart segment: the segment's own filters plus the dashboard's team and channel. */
export function caseListHref(filter: SegmentFilter): string {
  const params = new URLSearchParams();
  for (const key of ["status", "severity", "openedFrom", "openedTo", "team", "channel"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `/cases?${qs}` : "/cases";
}
