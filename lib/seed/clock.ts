const DAY_MS = 86_400_000;

/** Turns "days from now" into dates, so the seeded data is always recent relative to `now`. */
export interface Clock {
  now: Date;
  /** A timestamp `days` from now (negative = in the past). */
  at(days: number): Date;
  /** The calendar date (UTC, YYYY-MM-DD) `days` from now, for date columns. */
  date(days: number): string;
}

export function clockAt(now: Date): Clock {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  return { now, at, date: (days) => at(days).toISOString().slice(0, 10) };
}
