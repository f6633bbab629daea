-- Audit events on their way into the chain, appended at commit (see db/schema/audit.ts).
CREATE TABLE "audit_pending" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_pending_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"case_id" uuid,
	"detail" jsonb NOT NULL,
	"payload_before_at" text NOT NULL,
	"payload_after_at" text NOT NULL
);
--> statement-breakpoint
-- At commit, each pending event of the transaction (in the order they were recorded) moves the
-- chain's head and becomes an audit event: seq, time and hash computed here, after the head's row
-- lock is held (a writer that waited re-reads the head its predecessor committed), the hash over
-- the same canonical JSON as lib/audit/chain.ts hashEvent. The lock is held only for the rest of
-- the commit, never while the application is still working in the transaction.
CREATE FUNCTION chain_audit_pending() RETURNS trigger AS $$
DECLARE
  head record;
BEGIN
  UPDATE audit_head SET (seq, at, prev_hash, hash) = (
    SELECT next.seq, next.at, audit_head.hash,
      encode(sha256(convert_to(
        NEW.payload_before_at || to_char(next.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ||
        NEW.payload_after_at || audit_head.hash || '","seq":' || next.seq::text || '}', 'UTF8')), 'hex')
    FROM (SELECT audit_head.seq + 1 AS seq, date_trunc('milliseconds', clock_timestamp()) AS at) AS next
  )
  WHERE id = 1
  RETURNING audit_head.seq, audit_head.at, audit_head.prev_hash, audit_head.hash INTO head;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the audit log has no head row (audit_head)';
  END IF;
  INSERT INTO audit_events (seq, at, actor_id, actor_label, action, entity_type, entity_id, case_id, detail, prev_hash, hash)
  VALUES (head.seq, head.at, NEW.actor_id, NEW.actor_label, NEW.action, NEW.entity_type, NEW.entity_id, NEW.case_id,
    NEW.detail, head.prev_hash, head.hash);
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_chain
  AFTER INSERT ON audit_pending DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION chain_audit_pending();
--> statement-breakpoint
-- Also with session_replication_role = replica (a restore, a DBA's session): a recorded event is
-- always chained, never left pending.
ALTER TABLE audit_pending ENABLE ALWAYS TRIGGER audit_pending_chain;
