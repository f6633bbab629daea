DROP INDEX "case_notes_search_gin";--> statement-breakpoint
DROP INDEX "cases_search_gin";--> statement-breakpoint
ALTER TABLE "case_notes" DROP COLUMN "search";--> statement-breakpoint
-- A case is found by any word of its own fields or of any of its notes, through one GIN index on
-- the case: notes_search holds the lexemes (no positions, so it stays small) of all its notes.
-- Searching notes row by row and joining back to their cases cost more than everything else in
-- the case list once a word appeared in thousands of notes.
ALTER TABLE "cases" ADD COLUMN "notes_search" tsvector DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_search_all_gin" ON "cases" USING gin (("search" || "notes_search"));--> statement-breakpoint
-- New notes add their lexemes to the case (the UPDATE re-reads the latest case row, so concurrent
-- notes on one case all land). An edit or a deletion rebuilds the case's lexemes from its notes
-- after locking the case, so a note committed meanwhile by another transaction is seen.
CREATE OR REPLACE FUNCTION case_notes_search_add() RETURNS trigger AS $$
BEGIN
  UPDATE cases c SET notes_search = c.notes_search || s.v
  FROM (SELECT case_id, strip(to_tsvector('english'::regconfig, string_agg(body, ' '))) AS v FROM new_notes GROUP BY case_id) s
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
    (SELECT strip(to_tsvector('english'::regconfig, string_agg(n.body, ' '))) FROM case_notes n WHERE n.case_id = c.id), ''::tsvector)
  WHERE c.id = ANY (ids);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_notes_search_insert AFTER INSERT ON case_notes
  REFERENCING NEW TABLE AS new_notes FOR EACH STATEMENT EXECUTE FUNCTION case_notes_search_add();--> statement-breakpoint
CREATE TRIGGER case_notes_search_update AFTER UPDATE ON case_notes
  REFERENCING NEW TABLE AS new_notes FOR EACH STATEMENT EXECUTE FUNCTION case_notes_search_rebuild();--> statement-breakpoint
CREATE TRIGGER case_notes_search_delete AFTER DELETE ON case_notes
  REFERENCING OLD TABLE AS old_notes FOR EACH STATEMENT EXECUTE FUNCTION case_notes_search_rebuild();--> statement-breakpoint
UPDATE cases c SET notes_search = s.v
FROM (SELECT case_id, strip(to_tsvector('english'::regconfig, string_agg(body, ' '))) AS v FROM case_notes GROUP BY case_id) s
WHERE c.id = s.case_id;
