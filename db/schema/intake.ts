import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tsvector } from "./columns";
import { evidence } from "./evidence";
import { identifierType } from "./personas";
import { textStatuses } from "../../lib/intake/constants";

export { textStatuses };
export type { TextStatus } from "../../lib/intake/constants";

export const textStatus = pgEnum("text_status", textStatuses);

/** The text extracted from one evidence item: one row per item, its pages in evidence_text_pages. */
export const evidenceTexts = pgTable("evidence_texts", {
  evidenceId: uuid()
    .primaryKey()
    .references(() => evidence.id, { onDelete: "cascade" }),
  status: textStatus().notNull().default("pending"),
  // What the item was read as: pdf, docx, email, html, text, xlsx, image, zip.
  format: text(),
  // Why it is partial, unsupported or failed, in words for the evidence page.
  reason: text(),
  pageCount: integer().notNull().default(0),
  chars: integer().notNull().default(0),
  extractedAt: timestamp({ withTimezone: true }),
});

/**
 * Text by page where the format has pages (PDF), by part where it has parts (an e-mail's message
 * and each attachment, a workbook's sheets), else one page.
 */
export const evidenceTextPages = pgTable(
  "evidence_text_pages",
  {
    evidenceId: uuid()
      .notNull()
      .references(() => evidence.id, { onDelete: "cascade" }),
    page: integer().notNull(),
    // "Attachment: cv.pdf", "Sheet: Applicants"; null for numbered pages.
    label: text(),
    text: text().notNull(),
    // 'simple': names and identifiers in any language match as written, without English stemming.
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('casework_simple'::regconfig, text)`),
  },
  (t) => [
    primaryKey({ columns: [t.evidenceId, t.page] }),
    index("evidence_text_pages_search_gin").using("gin", t.search),
  ],
);

export interface MentionLocation {
  page?: number;
  offset: number;
  context: string;
}

/** An identifier found in an item's text, normalised as the rest of the app does. */
export const evidenceMentions = pgTable(
  "evidence_mentions",
  {
    evidenceId: uuid()
      .notNull()
      .references(() => evidence.id, { onDelete: "cascade" }),
    type: identifierType().notNull(),
    normalizedValue: text().notNull(),
    // The first spelling found, for display and for recording it on a persona.
    value: text().notNull(),
    chain: text(),
    count: integer().notNull(),
    // The first few places it occurs (the count says how many there are).
    locations: jsonb().$type<MentionLocation[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.type, t.normalizedValue] }), index().on(t.type, t.normalizedValue)],
);
