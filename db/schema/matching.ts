import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt } from "./columns";
import { evidence } from "./evidence";
import { personaLinks, personas } from "./personas";
import { candidateDecisions } from "../../lib/matching/constants";

export { candidateDecisions };
export type { CandidateDecisionState } from "../../lib/matching/constants";

export const candidateDecision = pgEnum("candidate_decision", candidateDecisions);

/**
 * Which personas need their possible matches computed again: a change bumps `generation` in the
 * changing transaction; the matching job scores the persona and records the generation it read.
 * A persona is stale while `scored_generation < generation`.
 */
export const personaMatchState = pgTable(
  "persona_match_state",
  {
    personaId: uuid()
      .primaryKey()
      .references(() => personas.id, { onDelete: "cascade" }),
    generation: integer().notNull().default(1),
    scoredGeneration: integer().notNull().default(0),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    scoredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("persona_match_state_stale_idx")
      .on(t.changedAt)
      .where(sql`${t.scoredGeneration} < ${t.generation}`),
  ],
);

/**
 * The name keys (lib/matching/names) of each persona's display name and aliases, written by the
 * matching job: equal keys (b-tree) find the personas worth comparing without reading every name.
 */
export const personaNameKeys = pgTable(
  "persona_name_keys",
  {
    personaId: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    key: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.personaId, t.key] }), index("persona_name_keys_key_idx").on(t.key)],
);

/**
 * Each name key held by some persona, once, with the number of personas holding it: kept by a
 * trigger on persona_name_keys (migration 0030). Trigram-similar keys are looked up here, among
 * distinct names, never among every persona's rows; and how common a name is is one row read.
 */
export const nameKeyCounts = pgTable("name_key_counts", {
  key: text().primaryKey(),
  holders: integer().notNull(),
  // name_key_counts_trgm_idx (GIN, gin_trgm_ops) is made by migration 0030 where pg_trgm can be
  // created; drizzle-kit does not know of it, so it is not declared here.
});

/**
 * A possible match: two personas (persona_a < persona_b), the score and the reasons as seen from
 * persona_a (`mine` is persona_a's value). Written by the matching job, never in a request. A
 * decision stays on the row: recomputing updates the score and reasons of an open pair only, so a
 * rejected pair never comes back.
 */
export const matchCandidates = pgTable(
  "match_candidates",
  {
    personaA: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    personaB: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    score: integer().notNull(),
    reasons: jsonb().$type<unknown[]>().notNull(),
    decision: candidateDecision(),
    linkId: uuid().references(() => personaLinks.id, { onDelete: "set null" }),
    decidedById: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    computedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personaA, t.personaB] }),
    index("match_candidates_b_idx").on(t.personaB),
    index("match_candidates_open_idx")
      .on(t.score.desc(), t.personaA, t.personaB)
      .where(sql`${t.decision} is null`),
    check("match_candidates_ordered", sql`${t.personaA} < ${t.personaB}`),
  ],
);

/**
 * Fingerprints of an evidence item for near-duplicate matching: a MinHash signature of its
 * extracted text's word shingles with LSH band keys (a GIN index finds items sharing a band), and
 * a 64-bit difference hash of an image (compared by Hamming distance).
 */
export const evidenceFingerprints = pgTable(
  "evidence_fingerprints",
  {
    evidenceId: uuid()
      .primaryKey()
      .references(() => evidence.id, { onDelete: "cascade" }),
    minhash: integer().array(),
    bands: text().array(),
    shingles: integer().notNull().default(0),
    dhash: bigint({ mode: "bigint" }),
    computedAt: createdAt(),
  },
  (t) => [index("evidence_fingerprints_bands_idx").using("gin", t.bands)],
);

export type MatchCandidate = typeof matchCandidates.$inferSelect;
