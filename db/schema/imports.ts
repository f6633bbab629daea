import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { ImportError, ImportMapping, ImportRowOutcome } from "../../lib/imports/constants";
import { users } from "./auth";
import { cases } from "./cases";
import { bytea, createdAt, updatedAt } from "./columns";
import { evidence } from "./evidence";
import { jobStatus } from "./jobs";
import { personas } from "./personas";

/**
 * One bulk import (or dry run) of people and identifiers from an applicant-tracking or HR export.
 * The file waits in `content` until its rows are read, then only its hash and (with a case) the
 * evidence item holding it remain.
 */
export const imports = pgTable(
  "imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    source: text().notNull(),
    caseId: uuid().references(() => cases.id, { onDelete: "cascade" }),
    evidenceId: uuid().references(() => evidence.id, { onDelete: "set null" }),
    fileName: text().notNull(),
    format: text().notNull(),
    sha256: text().notNull(),
    mapping: jsonb().$type<ImportMapping>().notNull(),
    phoneRegion: text(),
    dryRun: boolean().notNull(),
    content: bytea(),
    status: jobStatus().notNull().default("queued"),
    rows: integer().notNull().default(0),
    created: integer().notNull().default(0),
    matched: integer().notNull().default(0),
    refused: integer().notNull().default(0),
    errors: jsonb().$type<ImportError[]>().notNull().default([]),
    outcomes: jsonb().$type<ImportRowOutcome[]>().notNull().default([]),
    failure: text(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.caseId), index().on(t.createdById)],
);
export type Import = typeof imports.$inferSelect;

/** The column mapping last used for each source system, offered again on its next import. */
export const importSources = pgTable("import_sources", {
  name: text().primaryKey(),
  mapping: jsonb().$type<ImportMapping>().notNull(),
  updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

/**
 * The persona a source system's record became, per case (no case: the shared directory), so the
 * same export imported again matches its rows instead of creating them twice.
 */
export const importKeys = pgTable(
  "import_keys",
  {
    source: text().notNull(),
    caseId: uuid().references(() => cases.id, { onDelete: "cascade" }),
    key: text().notNull(),
    personaId: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    importId: uuid().references(() => imports.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("import_keys_source_case_key").on(t.source, t.caseId, t.key).nullsNotDistinct(),
    index().on(t.personaId),
  ],
);
