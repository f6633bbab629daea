import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { pageQuerySchema } from "./schema";
import type { ActivityView } from "./views";

/** Everything that happened to a case, newest first, straight from the audit log. */
export async function listActivity({
  actor,
  caseId,
  page,
}: {
  actor: Actor;
  caseId: string;
  page?: { page?: number; pageSize?: number };
}) {
  const p = parseOrThrow(pageQuerySchema, page ?? {});
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.caseId, caseId))
      .orderBy(desc(auditEvents.seq))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.caseId, caseId)),
  ]);
  const items: ActivityView[] = rows.map((r) => ({
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    detail: r.detail,
  }));
  return { items, total: totals[0]?.n ?? 0, page: p.page, pageSize: p.pageSize };
}
