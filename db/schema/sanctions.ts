import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sanctionsListStatuses, sanctionsSources } from "@/lib/sanctions/constants";
import { users } from "./auth";
import { createdAt } from "./columns";
import { identifierType, personas } from "./personas";

export const sanctionsSource = pgEnum("sanctions_source", sanctionsSources);
export const sanctionsListStatus = pgEnum("sanctions_list_status", sanctionsListStatuses);

/**
 * One imported version of a list, kept for the record of every result screened against it: the
 * file's SHA-256 says which version it was, and the same file imported again is the same version.
 */
export const sanctionsLists = pgTable(
  "sanctions_lists",
  {
    id: uuid().primaryKey().defaultRandom(),
    source: sanctionsSource().notNull(),
    publishedAt: date({ mode: "string" }),
    fileName: text().notNull(),
    // Of the main file; an import with alias or address files hashes them in order after it.
    sha256: text().notNull(),
    entries: integer().notNull().default(0),
    status: sanctionsListStatus().notNull().default("importing"),
    error: text(),
    importedById: uuid().references(() => users.id, { onDelete: "set null" }),
    importedAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.source, t.sha256)],
);
export type SanctionsList = typeof sanctionsLists.$inferSelect;

/** A listed person, organisation, vessel or wallet, as the list states it; never edited. */
export const sanctionsEntries = pgTable(
  "sanctions_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    listId: uuid()
      .notNull()
      .references(() => sanctionsLists.id, { onDelete: "cascade" }),
    // OFAC's ent_num, or the FollowTheMoney entity id.
    entNum: text().notNull(),
    name: text().notNull(),
    type: text().notNull(),
    programs: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    title: text(),
    remarks: text(),
    // The SDN CSV cuts remarks at 1,000 characters: identifiers past the cut are missing.
    remarksCut: boolean().notNull().default(false),
    aliases: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    birthDates: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    nationalities: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    addresses: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Name keys of the name and every alias (lib/matching/names): found by array overlap.
    nameKeys: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Identifiers as the list writes them (public data): [{ type, value, chain?, label? }].
    identifiers: jsonb().$type<{ type: string; value: string; chain?: string | null }[]>().notNull().default([]),
  },
  (t) => [unique().on(t.listId, t.entNum), index("sanctions_entries_name_keys_index").using("gin", t.nameKeys)],
);
export type SanctionsEntry = typeof sanctionsEntries.$inferSelect;

/**
 * The match keys of an entry's identifiers, made by the same normalisers as a persona's
 * (lib/identifiers), so screening is an equality join on (type, normalized_value).
 */
export const sanctionsKeys = pgTable(
  "sanctions_keys",
  {
    listId: uuid()
      .notNull()
      .references(() => sanctionsLists.id, { onDelete: "cascade" }),
    entryId: uuid()
      .notNull()
      .references(() => sanctionsEntries.id, { onDelete: "cascade" }),
    type: identifierType().notNull(),
    normalizedValue: text().notNull(),
    value: text().notNull(),
  },
  (t) => [index().on(t.type, t.normalizedValue), index().on(t.entryId)],
);

/**
 * A person's judgement that a hit is a false positive, for one persona and one list entry (by
 * source and ent_num, so it holds across list versions). It covers the values that matched when it
 * was made: a hit matching anything else (the persona changed) is open again. Re-opening keeps the
 * row, so who dismissed it, when and why stays on record.
 */
export const sanctionsDismissals = pgTable(
  "sanctions_dismissals",
  {
    id: uuid().primaryKey().defaultRandom(),
    personaId: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    source: sanctionsSource().notNull(),
    entNum: text().notNull(),
    // [{ kind, value }] as the hit showed them when dismissed.
    matched: jsonb().$type<{ kind: string; value: string }[]>().notNull(),
    // An identifier (not a name) matched: only a manager or an admin may dismiss it.
    exact: boolean().notNull(),
    reason: text().notNull(),
    dismissedById: uuid().references(() => users.id, { onDelete: "set null" }),
    dismissedAt: createdAt(),
    reopenedById: uuid().references(() => users.id, { onDelete: "set null" }),
    reopenedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("sanctions_dismissals_active_unique")
      .on(t.personaId, t.source, t.entNum)
      .where(sql`${t.reopenedAt} is null`),
  ],
);
export type SanctionsDismissal = typeof sanctionsDismissals.$inferSelect;
