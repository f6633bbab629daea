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

/** Raw bytes; PGlite answers a Uint8Array and postgres.js a Buffer, so both come back as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
