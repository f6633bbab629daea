import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { updatedAt } from "./columns";

/**
 * The organisation's settings: one row (id is always true), written by admins. A missing row means
 * every default; the row is created on the first save.
 */
export const organisationSettings = pgTable(
  "organisation_settings",
  {
    id: boolean().primaryKey().default(true),
    // ISO 3166 alpha-2 region for phone numbers written without a country code; null: none.
    defaultPhoneRegion: text(),
    updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [check("organisation_settings_single_row", sql`${t.id}`)],
);
export type OrganisationSettings = typeof organisationSettings.$inferSelect;
