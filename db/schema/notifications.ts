import { relations } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { cases } from "./cases";
import { createdAt, updatedAt } from "./columns";
import { emailModes, webhookDeliveryStatuses } from "../../lib/notifications/constants";

export { emailModes, webhookDeliveryStatuses };

export const emailMode = pgEnum("email_mode", emailModes);
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", webhookDeliveryStatuses);

/**
 * One thing a person is told about. `key` makes an event once per person (a reminder for one
 * task's one due date): several instances running the reminder job insert it once. `caseId`
 * names the case it is about, so the inbox can drop it for someone who lost access to the case.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    event: text().notNull(),
    title: text().notNull(),
    url: text().notNull(),
    caseId: uuid().references(() => cases.id, { onDelete: "cascade" }),
    key: text(),
    // False when the person turned the in-app channel off for this event (kept for the e-mail).
    inApp: boolean().notNull().default(true),
    // Waiting for the daily e-mail digest until emailedAt is set.
    digest: boolean().notNull().default(false),
    emailedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique().on(t.userId, t.key),
    index().on(t.userId, t.createdAt),
    index().on(t.userId, t.readAt),
    index().on(t.digest, t.emailedAt),
  ],
);

/** A person's choice per event; no row means the defaults (in-app on, e-mail at once). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    event: text().notNull(),
    inApp: boolean().notNull().default(true),
    email: emailMode().notNull().default("immediate"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.event] })],
);

/**
 * An endpoint that receives events as signed JSON POSTs. The secret is kept as it is (not hashed)
 * because every delivery is signed with it; it is shown to the admin once, at registration.
 */
export const webhooks = pgTable("webhooks", {
  id: uuid().primaryKey().defaultRandom(),
  url: text().notNull(),
  events: jsonb().$type<string[]>().notNull(),
  description: text().notNull().default(""),
  secret: text().notNull(),
  active: boolean().notNull().default(true),
  createdById: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * One event sent to one endpoint; its id is the X-Casework-Delivery header. `eventKey` makes an
 * event once per endpoint; a re-send is a new delivery (`resendOf`) without one.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    webhookId: uuid()
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text().notNull(),
    eventKey: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    responseCode: integer(),
    error: text(),
    nextAttemptAt: timestamp({ withTimezone: true }),
    lastAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    resendOf: uuid(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.webhookId, t.eventKey), index().on(t.webhookId, t.createdAt)],
);

export const notificationsRelations = relations(notifications, ({ one }) => ({
  user: one(users, { fields: [notifications.userId], references: [users.id] }),
}));

export const webhookDeliveriesRelations = relations(webhookDeliveries, ({ one }) => ({
  webhook: one(webhooks, { fields: [webhookDeliveries.webhookId], references: [webhooks.id] }),
}));

export type Notification = typeof notifications.$inferSelect;
export type NotificationPreference = typeof notificationPreferences.$inferSelect;
export type Webhook = typeof webhooks.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
