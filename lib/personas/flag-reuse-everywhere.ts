import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { auditEvents, personas } from "@/db/schema";
import { changesGraph } from "@/lib/graph/cache";
import { flagReuseOfConfirmed, REUSE_FLAG } from "./raise-reuse-flags";

/**
 * For data recorded before identifier reuse was flagged by itself (`npm run cli -- personas
 * flag-reuse`): every persona sharing an identifier with a confirmed persona gets the flag, as the
 * system, as if the claims were recorded now. A persona whose REUSED_IDENTIFIER someone removed is
 * left alone: that was a decision. One transaction per confirmed persona; running it again adds nothing.
 */
export async function flagReuseEverywhere(): Promise<{ confirmed: number; flagged: number }> {
  const confirmed = await db.select({ id: personas.id }).from(personas).where(eq(personas.status, "confirmed"));
  const removed = await db
    .selectDistinct({ id: auditEvents.entityId })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, "persona.red_flag_remove"),
        eq(auditEvents.entityType, "persona"),
        sql`${auditEvents.detail}->>'code' = ${REUSE_FLAG}`,
      ),
    );
  const except = new Set(removed.flatMap((r) => (r.id ? [r.id] : [])));
  let flagged = 0;
  for (const { id } of confirmed) {
    const raised = await changesGraph(db.transaction((tx) => flagReuseOfConfirmed(tx, id, { except })));
    flagged += raised.length;
    for (const p of raised) except.add(p);
  }
  return { confirmed: confirmed.length, flagged };
}
