import { sql } from "drizzle-orm";
import { bigint, char, check, index, jsonb, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** What an audit event says, as recorded (audit_pending) and as chained (audit_events). */
const eventColumns = () => ({
  actorId: uuid(),
  actorLabel: text().notNull(),
  action: text().notNull(),
  entityType: text().notNull(),
  entityId: text(),
  caseId: uuid(),
  detail: jsonb().$type<Record<string, unknown>>().notNull(),
});

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
    ...eventColumns(),
    prevHash: char({ length: 64 }).notNull(),
    hash: char({ length: 64 }).notNull(),
  },
  (t) => [index().on(t.caseId, t.seq), index().on(t.entityType, t.entityId), index().on(t.actorId, t.seq)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;

/**
 * The chain's newest link in one row: each append updates it and inserts its event in one
 * statement (at commit: see auditPending). The row lock orders appenders, and a waiting one reads
 * the head its predecessor committed. Changing it by hand breaks the chain at the next event.
 */
export const auditHead = pgTable(
  "audit_head",
  {
    id: smallint().primaryKey(),
    seq: bigint({ mode: "number" }).notNull(),
    at: timestamp({ withTimezone: true, precision: 3 }),
    hash: char({ length: 64 }).notNull(),
    prevHash: char({ length: 64 }),
  },
  () => [check("audit_head_one_row", sql`id = 1`)],
);

/**
 * An audit event on its way into the chain. recordAudit inserts it here, with its hashed payload
 * around the values only the head knows (lib/audit/chain.ts payloadAround); a constraint trigger
 * deferred to commit (migration 0028) moves audit_head, inserts the event into audit_events and
 * deletes this row. So the head's lock is taken inside the commit, not while the application still
 * works in the transaction, and the row is never seen outside its own transaction.
 */
export const auditPending = pgTable("audit_pending", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  ...eventColumns(),
  payloadBeforeAt: text().notNull(),
  payloadAfterAt: text().notNull(),
});
