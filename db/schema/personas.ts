import { relations, sql } from "drizzle-orm";
import {
  check,
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
import { evidence } from "./evidence";
import { imports } from "./imports";
import {
  casePersonaRoles,
  identifierTypes,
  personaLinkRelations,
  personaLinkStatuses,
  personaStatuses,
} from "../../lib/personas/constants";

// The value lists live beside the product code so the browser can use them without drizzle.
export { casePersonaRoles, identifierTypes, personaLinkRelations, personaLinkStatuses, personaStatuses };
export type { IdentifierType, PersonaLinkRelation, PersonaStatus } from "../../lib/personas/constants";

export const personaStatus = pgEnum("persona_status", personaStatuses);
export const casePersonaRole = pgEnum("case_persona_role", casePersonaRoles);
export const identifierType = pgEnum("identifier_type", identifierTypes);
export const personaLinkRelation = pgEnum("persona_link_relation", personaLinkRelations);
export const personaLinkStatus = pgEnum("persona_link_status", personaLinkStatuses);

export interface ClaimedCredential {
  name: string;
  detail?: string;
  verification: "unverified" | "verified" | "failed";
}

export const personas = pgTable(
  "personas",
  {
    id: uuid().primaryKey().defaultRandom(),
    displayName: text().notNull(),
    aliases: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    claimedLocation: text(),
    claimedTimezone: text(),
    claimedNationality: text(),
    claimedEducation: jsonb().$type<ClaimedCredential[]>().notNull().default([]),
    claimedEmployers: jsonb().$type<ClaimedCredential[]>().notNull().default([]),
    status: personaStatus().notNull().default("suspected"),
    notes: text().notNull().default(""),
    photoEvidenceId: uuid().references(() => evidence.id, { onDelete: "set null" }),
    riskScore: integer().notNull().default(0),
    // The bulk import that created it, if one did.
    sourceImportId: uuid().references(() => imports.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // case_count (how many cases hold the persona, kept by triggers on case_personas; migration
  // 0006) is deliberately not mapped here: only need-to-know SQL reads it, nothing writes it.
  (t) => [index().on(t.displayName), index().on(t.riskScore), index().on(t.updatedAt)],
);

/** A red flag recorded against a persona; the risk score is derived from these. */
export const personaRedFlags = pgTable(
  "persona_red_flags",
  {
    id: uuid().primaryKey().defaultRandom(),
    personaId: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    code: text().notNull(),
    note: text(),
    evidenceId: uuid().references(() => evidence.id, { onDelete: "set null" }),
    recordedById: uuid().references(() => users.id, { onDelete: "set null" }),
    recordedAt: createdAt(),
  },
  (t) => [unique().on(t.personaId, t.code), index().on(t.code)],
);

export const casePersonas = pgTable(
  "case_personas",
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    personaId: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    role: casePersonaRole().notNull(),
    addedById: uuid().references(() => users.id, { onDelete: "set null" }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personaId] }), index().on(t.personaId)],
);

export const identifiers = pgTable(
  "identifiers",
  {
    id: uuid().primaryKey().defaultRandom(),
    type: identifierType().notNull(),
    // The value as first entered; the normalised form is the match key (lib/identifiers), what
    // makes two entries one identifier. Each claim keeps its own value as entered.
    value: text().notNull(),
    normalizedValue: text().notNull(),
    chain: text(),
    // Only what follows from the value itself (provider, parsed country, platform, checksum
    // facts). What people assert about it lives on persona_identifiers.attributes.
    attributes: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.type, t.normalizedValue)],
);

export const personaIdentifiers = pgTable(
  "persona_identifiers",
  {
    personaId: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    identifierId: uuid()
      .notNull()
      .references(() => identifiers.id, { onDelete: "cascade" }),
    // The value as this claim's author entered it (trimmed): "a.b.c+x@googlemail.com" and
    // "abc@gmail.com" are one identifier, each claim still shows what was written. Null where a
    // bulk loader did not say: then it is the shared row's value.
    value: text(),
    sourceEvidenceId: uuid().references(() => evidence.id, { onDelete: "set null" }),
    // Where in the source item's extracted text it was found (a mention added to the persona).
    sourceLocation: jsonb().$type<{ page?: number; offset: number }>(),
    // The bulk import that recorded the claim, if one did.
    sourceImportId: uuid().references(() => imports.id, { onDelete: "set null" }),
    confidence: integer().notNull().default(50),
    // What the asserting person says about the identifier (holder name, role, asset, a note):
    // it belongs to this claim, so need-to-know filters it with the claim (never on identifiers).
    attributes: jsonb().$type<Record<string, string>>().notNull().default({}),
    assertedById: uuid().references(() => users.id, { onDelete: "set null" }),
    observedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personaId, t.identifierId] }),
    // The holders of an identifier, most confident first: graph views take the first few of
    // each and count the rest from this index alone.
    index("persona_identifiers_holders_idx").on(t.identifierId, t.confidence.desc(), t.personaId),
    // The personas citing an item (its documents for résumé matching, its deletion's reach).
    index("persona_identifiers_source_idx")
      .on(t.sourceEvidenceId, t.personaId)
      .where(sql`${t.sourceEvidenceId} is not null`),
  ],
);

/** Explicit links; a rejected suggestion is kept as a link with status `rejected`. */
export const personaLinks = pgTable(
  "persona_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    fromPersonaId: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    toPersonaId: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    relation: personaLinkRelation().notNull(),
    status: personaLinkStatus().notNull().default("confirmed"),
    confidence: integer().notNull().default(50),
    rationale: text().notNull().default(""),
    evidenceId: uuid().references(() => evidence.id, { onDelete: "set null" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.fromPersonaId, t.toPersonaId, t.relation),
    index().on(t.toPersonaId),
    check("persona_links_not_self", sql`${t.fromPersonaId} <> ${t.toPersonaId}`),
  ],
);

export const personasRelations = relations(personas, ({ many }) => ({
  identifiers: many(personaIdentifiers),
  cases: many(casePersonas),
  redFlags: many(personaRedFlags),
}));

export const personaIdentifiersRelations = relations(personaIdentifiers, ({ one }) => ({
  persona: one(personas, { fields: [personaIdentifiers.personaId], references: [personas.id] }),
  identifier: one(identifiers, { fields: [personaIdentifiers.identifierId], references: [identifiers.id] }),
}));

export const casePersonasRelations = relations(casePersonas, ({ one }) => ({
  case: one(cases, { fields: [casePersonas.caseId], references: [cases.id] }),
  persona: one(personas, { fields: [casePersonas.personaId], references: [personas.id] }),
}));

export type Persona = typeof personas.$inferSelect;
export type Identifier = typeof identifiers.$inferSelect;
export type PersonaLink = typeof personaLinks.$inferSelect;
