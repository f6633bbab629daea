import { relations } from "drizzle-orm";
import { char, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt } from "./columns";
import { exports } from "./exports";
import { referrals } from "./referrals";

/**
 * A link that lets one named person outside the organisation download one finished evidence pack
 * without an account. Only hashes of the link's token and of its optional one-time code are kept.
 */
export const exportShares = pgTable(
  "export_shares",
  {
    id: uuid().primaryKey().defaultRandom(),
    exportId: uuid()
      .notNull()
      .references(() => exports.id, { onDelete: "restrict" }),
    // The referral whose disclosure log records each download, when the pack went to an authority.
    referralId: uuid().references(() => referrals.id, { onDelete: "restrict" }),
    // SHA-256 of the token: tokens are 256-bit random, so a fast unsalted hash is enough.
    tokenHash: char({ length: 64 }).notNull().unique(),
    recipient: text().notNull(),
    email: text(),
    // SHA-256 over the share id and the code; wrong codes are counted and the link locks.
    codeHash: char({ length: 64 }),
    codeFailures: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    maxDownloads: integer(),
    downloads: integer().notNull().default(0),
    lastDownloadAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index().on(t.exportId, t.createdAt)],
);

export const exportSharesRelations = relations(exportShares, ({ one }) => ({
  export: one(exports, { fields: [exportShares.exportId], references: [exports.id] }),
  createdBy: one(users, { fields: [exportShares.createdById], references: [users.id] }),
}));

export type ExportShare = typeof exportShares.$inferSelect;
