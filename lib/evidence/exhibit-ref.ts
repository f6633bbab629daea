import { z } from "zod";

// Shared by server and browser (no drizzle here): how an exhibit number is written and read.

const EXHIBIT_NO = /^E-?(\d{1,6})$/i;

/** "E-001", "e-1" or "E001" → 1; anything else → null. */
export function parseExhibitNo(ref: string): number | null {
  const match = EXHIBIT_NO.exec(ref.trim());
  return match ? Number(match[1]) : null;
}

const isUuid = (v: string) => z.uuid().safeParse(v).success;

/**
 * An evidence item named either by its id or by its exhibit number in the case ("E-001", any
 * case of letters); the operation resolves the number within the case it works in.
 */
export const evidenceRefSchema = z
  .string()
  .trim()
  .refine((v) => isUuid(v) || parseExhibitNo(v) !== null, {
    message: "Give an exhibit number such as E-001 (or an evidence id)",
  })
  .describe("An exhibit number such as E-001 (case-insensitive), or an evidence item id");
