import { desc, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { AUDIT_LOCK_KEY, canonicalJson, GENESIS_HASH, hashEvent } from "./chain";

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
 * change it describes does. Call it last in the transaction: the lock it takes is held to commit.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<{ seq: number; hash: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: input.actor?.id ?? null,
    actorLabel: input.actor ? actorLabel(input.actor) : "system",
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    caseId: input.caseId ?? null,
    // Stored as it will read back from jsonb, so the hash verifies later.
    detail: JSON.parse(canonicalJson(input.detail ?? {})) as Record<string, unknown>,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashEvent(fields);
  await tx.insert(auditEvents).values({ ...fields, hash });
  return { seq: fields.seq, hash };
}
