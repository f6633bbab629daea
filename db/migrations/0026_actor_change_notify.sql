-- Each instance keeps who a token or a session's user is for a few seconds (lib/auth/actor-cache.ts).
-- A change that can take access away tells every instance at commit, whichever code or tool made it;
-- last_login_at and last_used_at are left out, as they change on use and take nothing away.
CREATE OR REPLACE FUNCTION notify_actor_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('casework_actor_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_actor_changed
  AFTER UPDATE OF email, name, role, disabled, session_version, kept_session_id, must_change_password OR DELETE OR TRUNCATE
  ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed();
--> statement-breakpoint
CREATE TRIGGER api_tokens_actor_changed
  AFTER UPDATE OF user_id, token_hash, expires_at, revoked_at OR DELETE OR TRUNCATE
  ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed();
