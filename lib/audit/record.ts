import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db";
import { auditPending } from "@/db/schema";
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
 * Records an audit event inside the caller's transaction, so the event exists exactly when the
 * change it describes does. It goes into the chain at commit: a constraint trigger deferred to
 * commit (migration 0028) moves the chain's head (audit_head), computing the event's seq, time
 * and hash there, and inserts it into audit_events. Writers of every instance are ordered by the
 * head's row lock only for the end of their commits, never while they are still working, and the
 * chain never forks. The event is not readable in audit_events before the commit (see recordAuditNow).
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const fields = {
    actorId: input.actor?.id ?? null,
    actorLabel: input.actor ? actorLabel(input.actor) : "system",
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    caseId: input.caseId ?? null,
    // Stored as it will read back from jsonb, so the hash verifies later.
    detail: JSON.parse(canonicalJson(input.detail ?? {})) as Record<string, unknown>,
  };
  const { beforeAt, afterAt } = payloadAround(fields);
  await tx.insert(auditPending).values({ ...fields, payloadBeforeAt: beforeAt, payloadAfterAt: afterAt });
}

/**
 * Records the event and chains it at once rather than at commit, answering its seq and hash: the
 * head stays locked from here to the commit, as every later event of the transaction is chained
 * at once too. For the few callers that must read the event back in the same transaction.
 */
export async function recordAuditNow(tx: Tx, input: AuditInput): Promise<{ seq: number; hash: string }> {
  await recordAudit(tx, input);
  await tx.execute(sql`set constraints audit_pending_chain immediate`);
  // The head is ours until commit, so its event is the one just chained.
  const [head] = await queryRows<{ seq: string; hash: string }>(
    tx,
    sql`select seq::text, hash from audit_head where id = 1`,
  );
  if (!head) throw new Error("The audit log has no head: run the database migrations");
  return { seq: Number(head.seq), hash: head.hash };
}
