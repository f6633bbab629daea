import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditEvents } from "@/db/schema";

/** The newest audit event's seq and hash, or null while the log is empty. */
export async function readAuditHead({ db }: { db: DbOrTx }): Promise<{ seq: number; hash: string } | null> {
  const [head] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return head ?? null;
}
