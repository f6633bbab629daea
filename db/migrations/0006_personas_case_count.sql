CREATE INDEX "personas_updated_at_index" ON "personas" USING btree ("updated_at");--> statement-breakpoint
-- How many cases hold each persona. Need-to-know treats a persona in no case as shared knowledge;
-- with this counter a list tests that on the persona row instead of probing case_personas once
-- per persona (200,000 probes for an investigator's persona list). Kept by statement-level
-- triggers, so a COPY or a multi-row insert updates each persona once.
ALTER TABLE "personas" ADD COLUMN "case_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION personas_case_count_apply() RETURNS trigger AS $$
BEGIN
  -- Each UPDATE re-reads the latest persona row, so concurrent attachments all count.
  IF TG_OP = 'INSERT' THEN
    UPDATE personas p SET case_count = p.case_count + s.n
    FROM (SELECT persona_id, count(*)::int AS n FROM new_links GROUP BY persona_id) s
    WHERE p.id = s.persona_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE personas p SET case_count = p.case_count - s.n
    FROM (SELECT persona_id, count(*)::int AS n FROM old_links GROUP BY persona_id) s
    WHERE p.id = s.persona_id;
  ELSE
    -- Only a changed persona_id moves a count; a role change touches no persona row.
    UPDATE personas p SET case_count = p.case_count + d.n
    FROM (SELECT persona_id, sum(n)::int AS n
          FROM (SELECT persona_id, -1 AS n FROM old_links UNION ALL SELECT persona_id, 1 FROM new_links) x
          GROUP BY persona_id HAVING sum(n) <> 0) d
    WHERE p.id = d.persona_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_personas_count_insert AFTER INSERT ON case_personas
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION personas_case_count_apply();--> statement-breakpoint
CREATE TRIGGER case_personas_count_update AFTER UPDATE ON case_personas
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION personas_case_count_apply();--> statement-breakpoint
CREATE TRIGGER case_personas_count_delete AFTER DELETE ON case_personas
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION personas_case_count_apply();--> statement-breakpoint
UPDATE personas p SET case_count = s.n
FROM (SELECT persona_id, count(*)::int AS n FROM case_personas GROUP BY persona_id) s
WHERE p.id = s.persona_id;
