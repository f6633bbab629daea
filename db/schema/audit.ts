import { bigint, char, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only audit log. Each row's hash covers its content and the previous row's hash,
 * so changing or deleting any row breaks the chain from that point (see lib/audit/chain.ts).
 * No foreign keys: the log must outlive whatever it describes.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    caseId: uuid(),
    detail: jsonb().$type<Record<string, unknown>>().notNull(),
    prevHash: char({ length: 64 }).notNull(),
    hash: char({ length: 64 }).notNull(),
  },
  (t) => [index().on(t.caseId, t.seq), index().on(t.entityType, t.entityId), index().on(t.actorId, t.seq)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
