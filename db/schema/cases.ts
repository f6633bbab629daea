import { relations, sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, tsvector, updatedAt } from "./columns";
import {
  accessRequestKinds,
  accessRequestStatuses,
  caseMemberRoles,
  caseStatuses,
  severities,
} from "../../lib/cases/constants";

// The value lists live beside the product code so the browser can use them without drizzle.
export { accessRequestKinds, accessRequestStatuses, caseMemberRoles, caseStatuses, severities };
export type {
  AccessRequestKind,
  AccessRequestStatus,
  CaseMemberRole,
  CaseStatus,
  Severity,
} from "../../lib/cases/constants";

export const caseStatus = pgEnum("case_status", caseStatuses);
export const severity = pgEnum("severity", severities);
export const caseMemberRole = pgEnum("case_member_role", caseMemberRoles);
export const accessRequestKind = pgEnum("access_request_kind", accessRequestKinds);
export const accessRequestStatus = pgEnum("access_request_status", accessRequestStatuses);

/** Last reference number handed out per year; a row lock makes allocation safe under concurrency. */
export const caseRefCounters = pgTable("case_ref_counters", {
  year: integer().primaryKey(),
  last: integer().notNull(),
});

export const cases = pgTable(
  "cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    ref: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    status: caseStatus().notNull().default("triage"),
    severity: severity().notNull().default("medium"),
    leadId: uuid().references(() => users.id, { onDelete: "set null" }),
    subjectName: text(),
    subjectRole: text(),
    subjectTeam: text(),
    subjectHiringChannel: text(),
    subjectStartDate: date({ mode: "string" }),
    subjectAccessLevel: text(),
    subjectLocation: text(),
    // Dates of what happened to the hire, for the case timeline (each as recorded by HR or IT).
    subjectHiredOn: date({ mode: "string" }),
    subjectDeviceShippedOn: date({ mode: "string" }),
    // A sign-in has a time of day that matters (which time zone the person was working in).
    subjectFirstSignInAt: timestamp({ withTimezone: true }),
    subjectTerminatedOn: date({ mode: "string" }),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    dueDate: date({ mode: "string" }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    containedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    closingReason: text(),
    exhibitCounter: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('casework_english'::regconfig, coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(subject_name, '') || ' ' || coalesce(subject_role, '') || ' ' || coalesce(subject_team, '') || ' ' || coalesce(subject_hiring_channel, '') || ' ' || coalesce(subject_location, ''))`,
    ),
  },
  (t) => [
    index().on(t.status, t.openedAt),
    index().on(t.severity),
    index().on(t.leadId),
    index().on(t.openedAt),
    index().on(t.dueDate),
    // "Recently updated first" walks this instead of sorting every match.
    index().on(t.updatedAt),
    index("cases_tags_gin").using("gin", t.tags),
    // Full-text search reads `(search || notes_search)` through cases_search_all_gin. notes_search
    // (the lexemes of every note of the case) is kept up to date by triggers on case_notes and is
    // deliberately not declared here, so the case rows the app selects do not carry it: both
    // live in migration 0003_case_search_with_notes.
    // Covering indexes for the dashboard's aggregates: every column its filters and visibility
    // rule read is in the key, so the figures come from index-only scans instead of reading the
    // wide case rows (summary and search vector) of a whole period.
    index("cases_dash_open_idx")
      .on(t.status, t.severity, t.leadId, t.id, t.subjectTeam, t.subjectHiringChannel)
      .where(sql`${t.status} in ('triage', 'investigating', 'contained', 'referred')`),
    index("cases_dash_opened_idx").on(
      t.openedAt,
      t.status,
      t.severity,
      t.leadId,
      t.id,
      t.subjectTeam,
      t.subjectHiringChannel,
    ),
    index("cases_dash_contained_idx")
      .on(t.containedAt, t.openedAt, t.status, t.severity, t.leadId, t.id, t.subjectTeam, t.subjectHiringChannel)
      .where(sql`${t.containedAt} is not null`),
    index("cases_dash_closed_idx")
      .on(t.closedAt, t.openedAt, t.status, t.severity, t.leadId, t.id, t.subjectTeam, t.subjectHiringChannel)
      .where(sql`${t.closedAt} is not null`),
  ],
);

export const caseMembers = pgTable(
  "case_members",
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: caseMemberRole().notNull(),
    addedById: uuid().references(() => users.id, { onDelete: "set null" }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index().on(t.userId)],
);

export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // Notes are searched through their case: see cases.notes_search (migration 0003).
  (t) => [index().on(t.caseId, t.createdAt)],
);

/** Previous bodies of an edited note, kept so an edit never erases what was written. */
export const caseNoteRevisions = pgTable(
  "case_note_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid()
      .notNull()
      .references(() => caseNotes.id, { onDelete: "cascade" }),
    body: text().notNull(),
    editedById: uuid().references(() => users.id, { onDelete: "set null" }),
    editedAt: createdAt(),
  },
  (t) => [index().on(t.noteId)],
);

/**
 * Requests that a user be given access to a case, one row per user: legal review asked for by a
 * case worker (the lawyers are added at once, so the row is born granted) and access asked for by
 * someone the case is closed to (pending until the lead decides). Kept durably so legal's queue
 * and a later inbox can list them.
 */
export const caseAccessRequests = pgTable(
  "case_access_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: accessRequestKind().notNull(),
    /** Who is to get access. */
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    requestedById: uuid().references(() => users.id, { onDelete: "set null" }),
    message: text().notNull().default(""),
    status: accessRequestStatus().notNull().default("pending"),
    decidedById: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.caseId, t.kind, t.status),
    index().on(t.userId, t.kind),
    // One open access request per user and case: asking again while one waits changes nothing.
    uniqueIndex("case_access_requests_one_pending")
      .on(t.caseId, t.userId)
      .where(sql`${t.kind} = 'access' and ${t.status} = 'pending'`),
  ],
);

export const casesRelations = relations(cases, ({ one, many }) => ({
  lead: one(users, { fields: [cases.leadId], references: [users.id] }),
  members: many(caseMembers),
  notes: many(caseNotes),
}));

export const caseMembersRelations = relations(caseMembers, ({ one }) => ({
  case: one(cases, { fields: [caseMembers.caseId], references: [cases.id] }),
  user: one(users, { fields: [caseMembers.userId], references: [users.id] }),
}));

export const caseNotesRelations = relations(caseNotes, ({ one, many }) => ({
  case: one(cases, { fields: [caseNotes.caseId], references: [cases.id] }),
  author: one(users, { fields: [caseNotes.authorId], references: [users.id] }),
  revisions: many(caseNoteRevisions),
}));

export const caseNoteRevisionsRelations = relations(caseNoteRevisions, ({ one }) => ({
  note: one(caseNotes, { fields: [caseNoteRevisions.noteId], references: [caseNotes.id] }),
}));

export type Case = typeof cases.$inferSelect;
export type CaseMember = typeof caseMembers.$inferSelect;
export type CaseNote = typeof caseNotes.$inferSelect;
export type CaseAccessRequest = typeof caseAccessRequests.$inferSelect;
