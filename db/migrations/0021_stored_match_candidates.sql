-- Possible matches are stored (match_candidates) by a background job instead of scored on read.
-- Names are found through stored name keys: equal keys by b-tree, similar ones by a trigram GIN
-- index where pg_trgm can be created (PostgreSQL's contrib, PGlite's bundle); where it cannot,
-- only equal keys are found. Every existing persona starts out waiting to be scored.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'pg_trgm is not available (%); names will be matched by equal keys only', SQLERRM;
END
$$;--> statement-breakpoint
CREATE TYPE "public"."candidate_decision" AS ENUM('confirmed', 'rejected');--> statement-breakpoint
CREATE TABLE "evidence_fingerprints" (
	"evidence_id" uuid PRIMARY KEY NOT NULL,
	"minhash" integer[],
	"bands" text[],
	"shingles" integer DEFAULT 0 NOT NULL,
	"dhash" bigint,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_candidates" (
	"persona_a" uuid NOT NULL,
	"persona_b" uuid NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"decision" "candidate_decision",
	"link_id" uuid,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_candidates_persona_a_persona_b_pk" PRIMARY KEY("persona_a","persona_b"),
	CONSTRAINT "match_candidates_ordered" CHECK ("match_candidates"."persona_a" < "match_candidates"."persona_b")
);
--> statement-breakpoint
CREATE TABLE "persona_match_state" (
	"persona_id" uuid PRIMARY KEY NOT NULL,
	"generation" integer DEFAULT 1 NOT NULL,
	"scored_generation" integer DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scored_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "persona_name_keys" (
	"persona_id" uuid NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "persona_name_keys_persona_id_key_pk" PRIMARY KEY("persona_id","key")
);
--> statement-breakpoint
ALTER TABLE "evidence_fingerprints" ADD CONSTRAINT "evidence_fingerprints_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_persona_a_personas_id_fk" FOREIGN KEY ("persona_a") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_persona_b_personas_id_fk" FOREIGN KEY ("persona_b") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_link_id_persona_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."persona_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_match_state" ADD CONSTRAINT "persona_match_state_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_name_keys" ADD CONSTRAINT "persona_name_keys_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_fingerprints_bands_idx" ON "evidence_fingerprints" USING gin ("bands");--> statement-breakpoint
CREATE INDEX "match_candidates_b_idx" ON "match_candidates" USING btree ("persona_b");--> statement-breakpoint
CREATE INDEX "match_candidates_open_idx" ON "match_candidates" USING btree ("score" DESC NULLS LAST,"persona_a","persona_b") WHERE "match_candidates"."decision" is null;--> statement-breakpoint
CREATE INDEX "persona_match_state_stale_idx" ON "persona_match_state" USING btree ("changed_at") WHERE "persona_match_state"."scored_generation" < "persona_match_state"."generation";--> statement-breakpoint
CREATE INDEX "persona_name_keys_key_idx" ON "persona_name_keys" USING btree ("key");--> statement-breakpoint
CREATE INDEX "persona_identifiers_source_idx" ON "persona_identifiers" USING btree ("source_evidence_id","persona_id") WHERE "persona_identifiers"."source_evidence_id" is not null;--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX "persona_name_keys_trgm_idx" ON "persona_name_keys" USING gin ("key" gin_trgm_ops);
  END IF;
END
$$;--> statement-breakpoint
INSERT INTO "persona_match_state" ("persona_id") SELECT "id" FROM "personas";
