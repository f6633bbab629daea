import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { canonicalJson, payloadAround } from "./chain";

export interface AuditInput {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends an audit event inside the caller's transaction, so the event exists exactly when the
 * change it describes does. Call it last in the transaction: the head's row lock it takes is held
 * to commit.
 *
 * One statement moves the chain's head (audit_head) and inserts the event: the head's new seq,
 * time and hash are computed in the UPDATE, so an appender that waited for the row lock computes
 * them from the head its predecessor committed (PostgreSQL re-evaluates the row after the wait),
 * and the chain never forks. The hash is SHA-256 over the same canonical JSON as hashEvent, the
 * database filling in the time, the previous hash and the seq (chain.ts payloadAround).
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<{ seq: number; hash: string }> {
  const actorId = input.actor?.id ?? null;
  const label = input.actor ? actorLabel(input.actor) : "system";
  const entityId = input.entityId ?? null;
  const caseId = input.caseId ?? null;
  // Stored as it will read back from jsonb, so the hash verifies later.
  const detail = JSON.parse(canonicalJson(input.detail ?? {})) as Record<string, unknown>;
  const { beforeAt, afterAt } = payloadAround({
    actorId,
    actorLabel: label,
    action: input.action,
    entityType: input.entityType,
    entityId,
    caseId,
    detail,
  });
  const [row] = await queryRows<{ seq: string; hash: string }>(
    tx,
    sql`
    with head as (
      update audit_head set (seq, at, prev_hash, hash) = (
        select next.seq, next.at, audit_head.hash,
          encode(sha256(convert_to(
            ${beforeAt} || to_char(next.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ${afterAt} ||
            audit_head.hash || '","seq":' || next.seq::text || '}', 'UTF8')), 'hex')
        from (select audit_head.seq + 1 as seq, date_trunc('milliseconds', clock_timestamp()) as at) as next
      )
      where id = 1
      returning seq, at, prev_hash, hash
    )
    insert into audit_events (seq, at, actor_id, actor_label, action, entity_type, entity_id, case_id, detail, prev_hash, hash)
    select seq, at, ${actorId}, ${label}, ${input.action}, ${input.entityType}, ${entityId}, ${caseId},
      ${JSON.stringify(detail)}::jsonb, prev_hash, hash
    from head
    returning seq::text, hash`,
  );
  if (!row) throw new Error("The audit log has no head: run the database migrations");
  return { seq: Number(row.seq), hash: row.hash };
}
