import { relations, sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { cases } from "./cases";
import { createdAt, tsvector } from "./columns";
import { custodyActions, evidenceKinds } from "../../lib/evidence/constants";

// The value lists live beside the product code so the browser can use them without drizzle.
export { custodyActions, evidenceKinds };
export type { CustodyAction, EvidenceKind } from "../../lib/evidence/constants";

export const evidenceKind = pgEnum("evidence_kind", evidenceKinds);

export const custodyAction = pgEnum("custody_action", custodyActions);

export const evidence = pgTable(
  "evidence",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "restrict" }),
    exhibitNo: integer().notNull(),
    title: text().notNull(),
    kind: evidenceKind().notNull().default("other"),
    description: text().notNull().default(""),
    // Content address of the bytes in storage; identical bytes share one stored file.
    sha256: char({ length: 64 }).notNull(),
    size: bigint({ mode: "number" }).notNull(),
    mimeType: text().notNull(),
    claimedMimeType: text(),
    originalName: text().notNull(),
    collectedAt: timestamp({ withTimezone: true }),
    collectedBy: text(),
    source: text(),
    privileged: boolean().notNull().default(false),
    legalHold: boolean().notNull().default(false),
    holdReason: text(),
    uploadedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedById: uuid().references(() => users.id, { onDelete: "set null" }),
    deleteReason: text(),
    // Title and file name as words, for search ('simple': names as written, any language).
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('casework_simple'::regconfig, title || ' ' || translate(original_name, '._-', '   '))`,
    ),
  },
  (t) => [
    unique().on(t.caseId, t.exhibitNo),
    index().on(t.sha256),
    index().on(t.caseId, t.createdAt),
    index("evidence_search_gin").using("gin", t.search),
  ],
);

/** Append-only: the application never updates or deletes these rows (a trigger enforces it). */
export const custodyEvents = pgTable(
  "custody_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    evidenceId: uuid()
      .notNull()
      .references(() => evidence.id, { onDelete: "restrict" }),
    action: custodyAction().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorLabel: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ip: text(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.evidenceId, t.at)],
);

export const evidenceRelations = relations(evidence, ({ one, many }) => ({
  case: one(cases, { fields: [evidence.caseId], references: [cases.id] }),
  uploadedBy: one(users, { fields: [evidence.uploadedById], references: [users.id] }),
  custody: many(custodyEvents),
}));

export const custodyEventsRelations = relations(custodyEvents, ({ one }) => ({
  evidence: one(evidence, { fields: [custodyEvents.evidenceId], references: [evidence.id] }),
}));

export type Evidence = typeof evidence.$inferSelect;
export type CustodyEvent = typeof custodyEvents.$inferSelect;
