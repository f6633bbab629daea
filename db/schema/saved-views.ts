import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt } from "./columns";

/**
 * A named case-list filter: the list's query string, which each reader applies within the cases
 * they may see. Private to its owner unless shared with everyone; names are unique per owner
 * whatever their case.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    query: text().notNull(),
    shared: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("saved_views_owner_name_idx").on(t.ownerId, sql`lower(${t.name})`),
    index("saved_views_shared_idx")
      .on(t.shared)
      .where(sql`${t.shared}`),
  ],
);

export type SavedViewRow = typeof savedViews.$inferSelect;
