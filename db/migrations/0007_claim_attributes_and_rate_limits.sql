CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "persona_identifiers" ADD COLUMN "attributes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- What people asserted about an identifier moves from the shared identifier row to the claims
-- (persona_identifiers), so need-to-know can filter it. Keys derived from the value itself
-- (lib/identifiers/types.ts derivedAttributeKeys) stay on the identifier. The merged row cannot
-- say which claimant wrote which key (later claims only added keys the row lacked), so the
-- asserted keys go to the earliest claim, which set them first, and to every other claim whose
-- persona shares a case with it (people who could already see that claim); no other claim gets
-- them, so nothing crosses need-to-know and no value is lost.
WITH split AS (
  SELECT i.id,
    coalesce((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(i.attributes) e
              WHERE e.key NOT IN ('provider','country','lineType','validity','ext','version','tool','platform','chainInferred','algorithm','last4','unparsed')), '{}'::jsonb) AS asserted
  FROM identifiers i
),
first_claim AS (
  SELECT DISTINCT ON (pi.identifier_id) pi.identifier_id, pi.persona_id
  FROM persona_identifiers pi
  ORDER BY pi.identifier_id, pi.created_at, pi.persona_id
)
UPDATE persona_identifiers pi SET attributes = s.asserted
FROM split s, first_claim f
WHERE s.asserted <> '{}'::jsonb AND pi.identifier_id = s.id AND f.identifier_id = s.id
  AND (pi.persona_id = f.persona_id OR EXISTS (
    SELECT 1 FROM case_personas a JOIN case_personas b ON b.case_id = a.case_id
    WHERE a.persona_id = f.persona_id AND b.persona_id = pi.persona_id));
--> statement-breakpoint
UPDATE identifiers i SET attributes = coalesce((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(i.attributes) e
  WHERE e.key IN ('provider','country','lineType','validity','ext','version','tool','platform','chainInferred','algorithm','last4','unparsed')), '{}'::jsonb)
WHERE EXISTS (SELECT 1 FROM jsonb_each(i.attributes) e
  WHERE e.key NOT IN ('provider','country','lineType','validity','ext','version','tool','platform','chainInferred','algorithm','last4','unparsed'));
