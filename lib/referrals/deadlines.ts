/*
 * Business-day arithmetic for the OFAC reporting window: reports of blocked or rejected
 * transactions are due within 10 business days. Business days here are US federal business
 * days: Monday to Friday, less the eleven federal holidays as observed (a holiday falling on a
 * Saturday is observed the Friday before, on a Sunday the Monday after). Dates are calendar
 * dates in UTC; the deadline is the end of the last day (23:59:59.999 UTC).
 */

const DAY = 86_400_000;
export const OFAC_BUSINESS_DAYS = 10;

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The nth given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return iso(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0));
  const back = (lastDay.getUTCDay() - weekday + 7) % 7;
  return iso(year, month, lastDay.getUTCDate() - back);
}

function observed(year: number, month: number, day: number): string {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 6) return iso(year, month, day - 1);
  if (weekday === 0) return iso(year, month, day + 1);
  return iso(year, month, day);
}

/** Observed US federal holidays of a year (New Year's Day of the next year may fall on 31 December). */
export function usFederalHolidays(year: number): Set<string> {
  return new Set([
    observed(year, 1, 1),
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    observed(year, 6, 19), // Juneteenth
    observed(year, 7, 4),
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    observed(year, 11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
    observed(year, 12, 25),
    observed(year + 1, 1, 1),
  ]);
}

export function isUsBusinessDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !usFederalHolidays(d.getUTCFullYear()).has(date);
}

/** The date `n` US business days after `date` (YYYY-MM-DD); the start day itself never counts. */
export function addUsBusinessDays(date: string, n: number): string {
  let t = new Date(`${date}T00:00:00Z`).getTime();
  let left = n;
  while (left > 0) {
    t += DAY;
    if (isUsBusinessDay(new Date(t).toISOString().slice(0, 10))) left -= 1;
  }
  return new Date(t).toISOString().slice(0, 10);
}

/** End of the 10th US business day after `from` (taken as its UTC calendar date). */
export function ofacDeadline(from: Date): Date {
  const last = addUsBusinessDays(from.toISOString().slice(0, 10), OFAC_BUSINESS_DAYS);
  return new Date(`${last}T23:59:59.999Z`);
}
