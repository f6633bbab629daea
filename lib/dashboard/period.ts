/**
 * Reporting periods. Pure date arithmetic on ISO dates in UTC, shared by the server render, the
 * browser and the API, so "last 30 days" means the same days everywhere it is resolved.
 */
export const periodPresets = ["7d", "30d", "90d", "quarter", "custom"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export const periodLabels: Record<PeriodPreset, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  quarter: "This quarter",
  custom: "Custom dates",
};

export const DEFAULT_PERIOD_DAYS = 30;
/** Longest period the summary accepts, so the weekly series stays a readable size. */
export const MAX_PERIOD_DAYS = 1096;

const DAY_MS = 86_400_000;

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The Monday (ISO week start) of the week holding `iso`. */
export function weekStart(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}

/** ISO 8601 week label, e.g. 2019-W03 (the year is the one holding the week's Thursday). */
export function isoWeekLabel(monday: string): string {
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export interface Period {
  from: string;
  to: string;
}

/** The dates a preset stands for today; `custom` keeps the given dates (defaulting like the API). */
export function resolvePeriod(
  preset: string | null | undefined,
  custom: Partial<Period> = {},
  today = todayUtc(),
): Period {
  switch (preset) {
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "90d":
      return { from: addDays(today, -89), to: today };
    case "quarter": {
      const [year, month] = today.split("-").map(Number) as [number, number];
      const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${year}-${String(firstMonth).padStart(2, "0")}-01`, to: today };
    }
    case "custom":
      return defaultPeriod(custom, today);
    default:
      return { from: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), to: today };
  }
}

/** Missing ends default to today and to a 30-day window. */
export function defaultPeriod({ from, to }: Partial<Period>, today = todayUtc()): Period {
  const end = to ?? (from && from > today ? from : today);
  return { from: from ?? addDays(end, -(DEFAULT_PERIOD_DAYS - 1)), to: end };
}

/** Every Monday from the week of `from` to the week of `to`. */
export function weeksOf({ from, to }: Period): string[] {
  const weeks: string[] = [];
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}
