import { relations } from "drizzle-orm";
import { char, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { cases } from "./cases";
import { createdAt, updatedAt } from "./columns";
import { exports } from "./exports";
import { referralDestinations, referralStatuses } from "../../lib/referrals/constants";

// The value lists live beside the product code so the browser can use them without drizzle.
export { referralDestinations, referralStatuses };
export type { ReferralDestination, ReferralStatus } from "../../lib/referrals/constants";

export const referralDestination = pgEnum("referral_destination", referralDestinations);
export const referralStatus = pgEnum("referral_status", referralStatuses);

export const referrals = pgTable(
  "referrals",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    destination: referralDestination().notNull(),
    destinationName: text(),
    status: referralStatus().notNull().default("draft"),
    referenceNo: text(),
    submittedAt: timestamp({ withTimezone: true }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    contact: text(),
    deadlineAt: timestamp({ withTimezone: true }),
    notes: text().notNull().default(""),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.caseId), index().on(t.status, t.deadlineAt), index().on(t.destination)],
);

/** What was sent to an authority, to whom and when. Append-only. */
export const disclosures = pgTable(
  "disclosures",
  {
    id: uuid().primaryKey().defaultRandom(),
    referralId: uuid()
      .notNull()
      .references(() => referrals.id, { onDelete: "restrict" }),
    what: text().notNull(),
    recipient: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    sentById: uuid().references(() => users.id, { onDelete: "set null" }),
    sha256: char({ length: 64 }),
    exportId: uuid().references(() => exports.id, { onDelete: "restrict" }),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.referralId, t.sentAt)],
);

export const referralsRelations = relations(referrals, ({ one, many }) => ({
  case: one(cases, { fields: [referrals.caseId], references: [cases.id] }),
  disclosures: many(disclosures),
}));

export const disclosuresRelations = relations(disclosures, ({ one }) => ({
  referral: one(referrals, { fields: [disclosures.referralId], references: [referrals.id] }),
}));

export type Referral = typeof referrals.$inferSelect;
export type Disclosure = typeof disclosures.$inferSelect;
