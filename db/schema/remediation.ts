import { relations } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { cases } from "./cases";
import { createdAt, updatedAt } from "./columns";
import { evidence } from "./evidence";
import { taskKinds, taskStatuses } from "../../lib/remediation/constants";

// The value lists live beside the product code so the browser can use them without drizzle.
export { taskKinds, taskStatuses };
export type { TaskKind, TaskStatus } from "../../lib/remediation/constants";

export const taskKind = pgEnum("task_kind", taskKinds);
export const taskStatus = pgEnum("task_status", taskStatuses);

export const remediationTasks = pgTable(
  "remediation_tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: taskKind().notNull(),
    title: text().notNull(),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    dueAt: timestamp({ withTimezone: true }),
    status: taskStatus().notNull().default("todo"),
    completionNote: text(),
    evidenceId: uuid().references(() => evidence.id, { onDelete: "set null" }),
    // Set when the task came from a template, so applying it twice adds nothing.
    templateId: text(),
    templateStep: integer(),
    position: integer().notNull().default(0),
    completedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.caseId, t.position),
    index().on(t.ownerId, t.status, t.dueAt),
    index().on(t.status, t.dueAt),
    unique().on(t.caseId, t.templateId, t.templateStep),
  ],
);

export const remediationTasksRelations = relations(remediationTasks, ({ one }) => ({
  case: one(cases, { fields: [remediationTasks.caseId], references: [cases.id] }),
  owner: one(users, { fields: [remediationTasks.ownerId], references: [users.id] }),
}));

export type RemediationTask = typeof remediationTasks.$inferSelect;
