-- The audit chain's newest link in one row (see db/schema/audit.ts and lib/audit/record.ts).
CREATE TABLE "audit_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp (3) with time zone,
	"hash" char(64) NOT NULL,
	"prev_hash" char(64),
	CONSTRAINT "audit_head_one_row" CHECK (id = 1)
);
--> statement-breakpoint
-- The head starts at the newest event already written (or at the genesis hash for an empty log).
INSERT INTO "audit_head" ("id", "seq", "at", "hash", "prev_hash")
SELECT 1, coalesce(e.seq, 0), e.at, coalesce(e.hash, repeat('0', 64)), e.prev_hash
FROM (SELECT 1) AS one
LEFT JOIN (SELECT seq, at, hash, prev_hash FROM audit_events ORDER BY seq DESC LIMIT 1) AS e ON true;
