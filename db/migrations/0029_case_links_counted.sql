-- A bulk import creates personas with case_count already set and links them to its case in the
-- same transaction: counting those links again would write every new persona row a second time
-- (a new row version and its index entries). The statement that inserts such links sets
-- casework.case_links_counted to 'on' for itself (lib/imports/write-batch.ts); every other insert,
-- update and delete of case_personas is counted as before.
CREATE OR REPLACE FUNCTION personas_case_count_apply() RETURNS trigger AS $$
BEGIN
  -- Each UPDATE re-reads the latest persona row, so concurrent attachments all count.
  IF TG_OP = 'INSERT' THEN
    IF current_setting('casework.case_links_counted', true) = 'on' THEN
      RETURN NULL;
    END IF;
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
