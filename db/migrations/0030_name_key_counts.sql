CREATE TABLE "name_key_counts" (
	"key" text PRIMARY KEY NOT NULL,
	"holders" integer NOT NULL
);
--> statement-breakpoint
-- Each distinct name key with its holders, kept by the writes to persona_name_keys (the matching
-- job's writeNameKeys), so that similar names are looked up among the distinct names, not among
-- every persona's rows, and a name's commonness is one row.
CREATE OR REPLACE FUNCTION name_key_counts_apply() RETURNS trigger AS $$
BEGIN
  -- Rows are locked in key order, so two writers sharing keys cannot deadlock.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO name_key_counts (key, holders)
    SELECT key, count(*)::int FROM new_keys GROUP BY key ORDER BY key
    ON CONFLICT (key) DO UPDATE SET holders = name_key_counts.holders + excluded.holders;
  ELSE
    PERFORM 1 FROM name_key_counts k WHERE k.key IN (SELECT key FROM old_keys) ORDER BY k.key FOR UPDATE;
    UPDATE name_key_counts k SET holders = k.holders - d.n
    FROM (SELECT key, count(*)::int AS n FROM old_keys GROUP BY key) d
    WHERE k.key = d.key;
    DELETE FROM name_key_counts k USING (SELECT DISTINCT key FROM old_keys) d WHERE k.key = d.key AND k.holders <= 0;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER persona_name_keys_counted_insert AFTER INSERT ON persona_name_keys
  REFERENCING NEW TABLE AS new_keys FOR EACH STATEMENT EXECUTE FUNCTION name_key_counts_apply();--> statement-breakpoint
CREATE TRIGGER persona_name_keys_counted_delete AFTER DELETE ON persona_name_keys
  REFERENCING OLD TABLE AS old_keys FOR EACH STATEMENT EXECUTE FUNCTION name_key_counts_apply();--> statement-breakpoint
INSERT INTO name_key_counts (key, holders) SELECT key, count(*)::int FROM persona_name_keys GROUP BY key;--> statement-breakpoint
-- Without statistics the planner may look keys up through the trigram index rather than the key.
ANALYZE name_key_counts;--> statement-breakpoint
-- Similar names are looked up in name_key_counts from now on.
DROP INDEX IF EXISTS "persona_name_keys_trgm_idx";--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX "name_key_counts_trgm_idx" ON "name_key_counts" USING gin ("key" gin_trgm_ops);
  END IF;
END
$$;
