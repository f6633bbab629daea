CREATE TABLE "organisation_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"default_phone_region" text,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_settings_single_row" CHECK ("organisation_settings"."id")
);
--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Each claim keeps the value as its author entered it; until now only the shared row had one.
ALTER TABLE "persona_identifiers" ADD COLUMN "value" text;--> statement-breakpoint
UPDATE "persona_identifiers" pi SET "value" = i."value" FROM "identifiers" i WHERE i."id" = pi."identifier_id";--> statement-breakpoint
-- Re-key emails and postal addresses with the match-key rules of lib/identifiers/email-key.ts and
-- postal-key.ts (the same steps, from the stored normalised value; the migration test compares
-- them). Phone, wallet and IBAN keys stored before keep their form. Unparsed rows keep theirs.
-- Punctuation is a list, not [:alnum:], so the result does not depend on the database's locale.
CREATE TEMP TABLE "rekeyed" AS
SELECT i."id", i."type", i."created_at", i."normalized_value", i."attributes" ? 'unparsed' AS "unparsed",
  CASE
    WHEN i."attributes" ? 'unparsed' THEN i."normalized_value"
    WHEN i."type" = 'email' THEN (
      SELECT CASE
        WHEN e."domain" IN ('gmail.com', 'googlemail.com')
          THEN coalesce(nullif(replace(split_part(e."local", '+', 1), '.', ''), ''), e."local") || '@gmail.com'
        WHEN e."domain" ~ '^((outlook|hotmail|live)\.[a-z.]+|msn\.com|protonmail\.com|protonmail\.ch|proton\.me|pm\.me)$'
          THEN coalesce(nullif(split_part(e."local", '+', 1), ''), e."local") || '@' || e."domain"
        ELSE i."normalized_value"
      END
      FROM (SELECT substring(i."normalized_value" FROM '^(.*)@[^@]*$') AS "local",
                   substring(i."normalized_value" FROM '@([^@]*)$') AS "domain") e)
    ELSE (
      SELECT regexp_replace(
               regexp_replace(
                 array_to_string(ARRAY(
                   SELECT coalesce(a."short", t."token")
                   FROM unnest(string_to_array(p."spaced", ' ')) WITH ORDINALITY AS t("token", "n")
                   LEFT JOIN (VALUES ('street', 'st'), ('str', 'st'), ('avenue', 'ave'), ('av', 'ave'), ('road', 'rd'),
                     ('boulevard', 'blvd'), ('drive', 'dr'), ('lane', 'ln'), ('court', 'ct'), ('place', 'pl'),
                     ('square', 'sq'), ('highway', 'hwy'), ('parkway', 'pkwy'), ('terrace', 'ter'), ('circle', 'cir'),
                     ('apartment', 'apt'), ('unit', 'apt'), ('flat', 'apt'), ('#', 'apt'), ('suite', 'ste'),
                     ('floor', 'fl'), ('building', 'bldg')) AS a("long", "short") ON a."long" = t."token"
                   ORDER BY t."n"), ' '),
                 '(^| )apt apt( |$)', '\1apt\2', 'g'),
               '(^| )([a-z]{1,2}[0-9][a-z0-9]?) ([0-9][a-z]{2})( |$)', '\1\2\3\4', 'g')
      FROM (SELECT btrim(regexp_replace(
                     regexp_replace(replace(lower(i."normalized_value"), '#', ' # '), '[]!"$%&''()*+,./:;<=>?@[\\^_`{|}~‘’“”‚„«»·…–—-]', ' ', 'g'),
                     '[[:space:]]+', ' ', 'g')) AS "spaced") p)
  END AS "key"
FROM "identifiers" i
WHERE i."type" IN ('email', 'postal_address');--> statement-breakpoint
-- One row survives per (type, key): a parsed row before an unparsed one, then the oldest.
CREATE TEMP TABLE "merged" AS
SELECT r."id" AS "old_id", r."type", r."key",
  first_value(r."id") OVER (PARTITION BY r."type", r."key" ORDER BY r."unparsed", r."created_at", r."id") AS "new_id"
FROM "rekeyed" r;--> statement-breakpoint
-- Claims of one persona that now name one identifier become one claim: the one on the surviving
-- row (else the oldest) keeps its value and takes the others' attributes, the highest confidence,
-- a source and the earliest observation; the other values entered stay in "alsoEnteredAs".
CREATE TEMP TABLE "claim_moves" AS
SELECT pi."persona_id", pi."identifier_id" AS "old_id", m."new_id", pi."value",
  row_number() OVER (PARTITION BY pi."persona_id", m."new_id"
                     ORDER BY pi."identifier_id" = m."new_id" DESC, pi."created_at", pi."identifier_id") AS "rank"
FROM "persona_identifiers" pi JOIN "merged" m ON m."old_id" = pi."identifier_id"
WHERE m."new_id" IN (SELECT "new_id" FROM "merged" WHERE "old_id" <> "new_id");--> statement-breakpoint
UPDATE "persona_identifiers" pi SET
  "attributes" = o."attributes" || pi."attributes"
    || CASE WHEN o."values" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('alsoEnteredAs', o."values") END,
  "confidence" = greatest(pi."confidence", o."confidence"),
  "source_evidence_id" = coalesce(pi."source_evidence_id", o."source_evidence_id"),
  "observed_at" = least(pi."observed_at", o."observed_at"),
  "created_at" = least(pi."created_at", o."created_at")
FROM (
  SELECT k."persona_id", k."old_id",
    coalesce((SELECT jsonb_object_agg(e."key", e."value")
              FROM "claim_moves" d JOIN "persona_identifiers" p2 ON p2."persona_id" = d."persona_id" AND p2."identifier_id" = d."old_id",
                   jsonb_each(p2."attributes") e
              WHERE d."persona_id" = k."persona_id" AND d."new_id" = k."new_id" AND d."rank" > 1), '{}'::jsonb) AS "attributes",
    (SELECT string_agg(DISTINCT d."value", '; ') FROM "claim_moves" d
      WHERE d."persona_id" = k."persona_id" AND d."new_id" = k."new_id" AND d."rank" > 1 AND d."value" <> k."value") AS "values",
    (SELECT max(p2."confidence") FROM "claim_moves" d JOIN "persona_identifiers" p2 ON p2."persona_id" = d."persona_id" AND p2."identifier_id" = d."old_id"
      WHERE d."persona_id" = k."persona_id" AND d."new_id" = k."new_id") AS "confidence",
    (SELECT p2."source_evidence_id" FROM "claim_moves" d JOIN "persona_identifiers" p2 ON p2."persona_id" = d."persona_id" AND p2."identifier_id" = d."old_id"
      WHERE d."persona_id" = k."persona_id" AND d."new_id" = k."new_id" AND p2."source_evidence_id" IS NOT NULL
      ORDER BY d."rank" LIMIT 1) AS "source_evidence_id",
    (SELECT min(p2."observed_at") FROM "claim_moves" d JOIN "persona_identifiers" p2 ON p2."persona_id" = d."persona_id" AND p2."identifier_id" = d."old_id"
      WHERE d."persona_id" = k."persona_id" AND d."new_id" = k."new_id") AS "observed_at",
    (SELECT min(p2."created_at") FROM "claim_moves" d JOIN "persona_identifiers" p2 ON p2."persona_id" = d."persona_id" AND p2."identifier_id" = d."old_id"
      WHERE d."persona_id" = k."persona_id" AND d."new_id" = k."new_id") AS "created_at"
  FROM "claim_moves" k
  WHERE k."rank" = 1 AND EXISTS (SELECT 1 FROM "claim_moves" d WHERE d."persona_id" = k."persona_id" AND d."new_id" = k."new_id" AND d."rank" > 1)
) o
WHERE pi."persona_id" = o."persona_id" AND pi."identifier_id" = o."old_id";--> statement-breakpoint
DELETE FROM "persona_identifiers" pi USING "claim_moves" c
WHERE c."rank" > 1 AND pi."persona_id" = c."persona_id" AND pi."identifier_id" = c."old_id";--> statement-breakpoint
UPDATE "persona_identifiers" pi SET "identifier_id" = c."new_id" FROM "claim_moves" c
WHERE c."rank" = 1 AND c."old_id" <> c."new_id" AND pi."persona_id" = c."persona_id" AND pi."identifier_id" = c."old_id";--> statement-breakpoint
DELETE FROM "identifiers" i USING "merged" m WHERE i."id" = m."old_id" AND m."old_id" <> m."new_id";--> statement-breakpoint
UPDATE "identifiers" i SET "normalized_value" = m."key",
  "attributes" = CASE WHEN i."type" = 'email' THEN i."attributes" || jsonb_build_object('provider', split_part(m."key", '@', 2)) ELSE i."attributes" END
FROM "merged" m
WHERE i."id" = m."old_id" AND m."old_id" = m."new_id" AND i."normalized_value" <> m."key";--> statement-breakpoint
DROP TABLE "claim_moves";--> statement-breakpoint
DROP TABLE "merged";--> statement-breakpoint
DROP TABLE "rekeyed";
