// Shared by server and browser: import nothing from drizzle or db/ here.

/** The persona fields a column may fill; any other target is an identifier type. */
export const importPersonaFields = [
  "displayName",
  "aliases",
  "claimedLocation",
  "claimedTimezone",
  "claimedNationality",
  "notes",
] as const;
export type ImportPersonaField = (typeof importPersonaFields)[number];

export type ImportOutcome = "created" | "matched" | "refused";

/** One problem of one row: `row` is the line of the file (the header is row 1). */
export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

/** What happened (or, in a dry run, would happen) to one row. */
export interface ImportRowOutcome {
  row: number;
  key: string;
  outcome: ImportOutcome;
  /** Why it was refused, or that it matches an earlier import. */
  reason?: string;
  personaId?: string;
  /** Other personas already holding one of the row's identifiers (a correlation hit). */
  hits?: number;
}

export interface ImportMapping {
  source: string;
  key: string;
  columns: Record<string, string>;
}

/** The largest import file: an applicant-tracking export of several hundred thousand rows. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
