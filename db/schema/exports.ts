import { relations } from "drizzle-orm";
import { bigint, char, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { cases } from "./cases";
import { createdAt } from "./columns";
import { exportStatuses } from "../../lib/exports/constants";

// The value lists live beside the product code so the browser can use them without drizzle.
export { exportStatuses };
export type { ExportStatus } from "../../lib/exports/constants";

export const exportStatus = pgEnum("export_status", exportStatuses);

export const exports = pgTable(
  "exports",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "restrict" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    status: exportStatus().notNull().default("queued"),
    // Progress in per mille of bytes written, for the progress bar.
    progress: integer().notNull().default(0),
    options: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    fileName: text(),
    size: bigint({ mode: "number" }),
    sha256: char({ length: 64 }),
    manifestSha256: char({ length: 64 }),
    error: text(),
    // The Bates numbers a production took (first and last page), taken once per build and never
    // given again within the case for the same prefix.
    batesPrefix: text(),
    batesFirst: integer(),
    batesLast: integer(),
    createdAt: createdAt(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.caseId, t.createdAt), index().on(t.createdAt), index().on(t.caseId, t.batesPrefix)],
);

export const exportsRelations = relations(exports, ({ one }) => ({
  case: one(cases, { fields: [exports.caseId], references: [cases.id] }),
  createdBy: one(users, { fields: [exports.createdById], references: [users.id] }),
}));

export type Export = typeof exports.$inferSelect;
