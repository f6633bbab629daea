import { customType, timestamp } from "drizzle-orm/pg-core";

/** A PostgreSQL tsvector, only ever written by generated columns. */
export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
