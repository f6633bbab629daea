-- Search ignores accents ("resume" finds "résumé", "Muller" finds "Müller") through two text
-- search configurations of our own, used by every search vector and query: casework_english
-- (English stemming, for case fields and notes) and casework_simple (words as written, for
-- evidence titles and text in any language). Where the unaccent extension can be created
-- (PostgreSQL's contrib, PGlite's bundle) each folds accents before its dictionary; where it
-- cannot, they are plain copies of english and simple, and search works as before.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'unaccent is not available (%); search will match accents exactly', SQLERRM;
END
$$;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION casework_english (COPY = english);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION casework_simple (COPY = simple);--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
    ALTER TEXT SEARCH CONFIGURATION casework_english
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    ALTER TEXT SEARCH CONFIGURATION casework_simple
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
END
$$;--> statement-breakpoint
ALTER TABLE "cases" drop column "search";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('casework_english'::regconfig, coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(subject_name, '') || ' ' || coalesce(subject_role, '') || ' ' || coalesce(subject_team, '') || ' ' || coalesce(subject_hiring_channel, '') || ' ' || coalesce(subject_location, ''))) STORED;--> statement-breakpoint
ALTER TABLE "evidence" drop column "search";--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('casework_simple'::regconfig, title || ' ' || translate(original_name, '._-', '   '))) STORED;--> statement-breakpoint
ALTER TABLE "evidence_text_pages" drop column "search";--> statement-breakpoint
ALTER TABLE "evidence_text_pages" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('casework_simple'::regconfig, text)) STORED;--> statement-breakpoint
-- Dropping the columns dropped their indexes.
CREATE INDEX "cases_search_all_gin" ON "cases" USING gin (("search" || "notes_search"));--> statement-breakpoint
CREATE INDEX "evidence_search_gin" ON "evidence" USING gin ("search");--> statement-breakpoint
CREATE INDEX "evidence_text_pages_search_gin" ON "evidence_text_pages" USING gin ("search");--> statement-breakpoint
-- The words of a case's notes, folded the same way (triggers of migration 0003).
CREATE OR REPLACE FUNCTION case_notes_search_add() RETURNS trigger AS $$
BEGIN
  UPDATE cases c SET notes_search = c.notes_search || s.v
  FROM (SELECT case_id, strip(to_tsvector('casework_english'::regconfig, string_agg(body, ' '))) AS v FROM new_notes GROUP BY case_id) s
  WHERE c.id = s.case_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_notes_search_rebuild() RETURNS trigger AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT case_id) INTO ids FROM old_notes;
  ELSE
    SELECT array_agg(DISTINCT case_id) INTO ids FROM new_notes;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM cases WHERE id = ANY (ids) ORDER BY id FOR UPDATE;
  UPDATE cases c SET notes_search = coalesce(
    (SELECT strip(to_tsvector('casework_english'::regconfig, string_agg(n.body, ' '))) FROM case_notes n WHERE n.case_id = c.id), ''::tsvector)
  WHERE c.id = ANY (ids);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
UPDATE cases c SET notes_search = coalesce(
  (SELECT strip(to_tsvector('casework_english'::regconfig, string_agg(n.body, ' '))) FROM case_notes n WHERE n.case_id = c.id), ''::tsvector);
