import { z } from "zod";

/*
 * Input pieces shared by tasks and referrals. Text that ends up in evidence packs and in letters
 * to agencies must read the same everywhere, so control characters (and the bidirectional
 * overrides that can make text display differently from what is stored) are refused outright
 * rather than silently stripped.
 */
const bidi = "\\u202A-\\u202E\\u2066-\\u2069";
const singleLine = new RegExp(`^[^\\p{Cc}${bidi}]*$`, "u");
// Multi-line text keeps tab, line feed and carriage return.
const multiLine = new RegExp(`^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${bidi}]*$`, "u");

/** One line of text: no control characters at all. */
export const lineText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).regex(singleLine, "Control characters are not allowed");

/** Free text over several lines: line breaks and tabs are fine, other control characters are not. */
export const multiText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).regex(multiLine, "Control characters are not allowed");

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

function parseInstant(value: string, dateOnly: "start" | "end"): Date | null {
  if (datePattern.test(value)) {
    const date = new Date(`${value}T${dateOnly === "start" ? "00:00:00.000" : "23:59:59.999"}Z`);
    // Rejects 2026-02-30 and the like, which Date would roll over into March.
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const inRange = (d: Date) => d.getUTCFullYear() >= MIN_YEAR && d.getUTCFullYear() <= MAX_YEAR;

/**
 * A point in time as a string: an ISO date-time with its offset (`2026-03-06T17:00:00Z`,
 * `...+01:00`) or a plain date (`2026-03-06`). Kept as a string in the schema so a parsed body can
 * be validated again by the lib function; `toInstant` turns it into a Date.
 */
export const instantString = z
  .string()
  .trim()
  .refine((v) => datePattern.test(v) || z.iso.datetime({ offset: true }).safeParse(v).success, {
    message: "Use a date like 2026-03-06 or a date-time like 2026-03-06T17:00:00Z",
  })
  .refine((v) => {
    const d = parseInstant(v, "start");
    return d !== null && inRange(d);
  }, "Not a real date between 1970 and 2200");

/**
 * A plain date means the start of that day (UTC) for things that happened, and its end for
 * things that are due, so a task due "today" is not overdue until the day is over.
 */
export function toInstant(value: string, dateOnly: "start" | "end"): Date {
  const date = parseInstant(value.trim(), dateOnly);
  if (!date) throw new Error(`toInstant: unparsed value ${value}`);
  return date;
}

export const person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export type Person = z.infer<typeof person>;
