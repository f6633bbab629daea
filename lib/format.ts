/** Sizes in binary units, as people read them: "512 B", "3.4 MiB", "120 GiB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A count with its noun, as people read them: "1 persona", "13,815 personas". */
export function formatCount(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? noun : plural}`;
}

/** For tests and texts that must not depend on the reader: a fixed locale or time zone. */
export interface DateFormatOptions {
  locale?: string;
  timeZone?: string;
}

const dayParts = { year: "numeric", month: "short", day: "numeric" } as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day as the reader's browser writes it ("3 Dec 2026", "Dec 3, 2026", "3. Dez. 2026").
 * A date without a time (a due date, a dashboard period) is that day wherever the reader is; a
 * moment is the day it was where the reader is.
 */
export function formatDate(iso: string | null | undefined, { locale, timeZone }: DateFormatOptions = {}): string {
  if (!iso) return "—";
  return DATE_ONLY.test(iso)
    ? new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, { ...dayParts, timeZone: "UTC" })
    : new Date(iso).toLocaleDateString(locale, { ...dayParts, timeZone });
}

/** A moment in the reader's time zone, the zone named: "3 Dec 2026, 14:05 GMT", "Dec 3, 2026, 09:05 AM EST". */
export function formatDateTime(iso: string | null | undefined, { locale, timeZone }: DateFormatOptions = {}): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(locale, {
    ...dayParts,
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  });
}
