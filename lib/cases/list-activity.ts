import { desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { auditEvents, type AuditEvent } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { parseOrThrow } from "@/lib/errors";
import { readCasePage } from "./case-page-read";
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
  const pageRows = db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.caseId, caseId))
    .orderBy(desc(auditEvents.seq))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .as("page_rows");
  const { rows, total } = await readCasePage<AuditEvent>({
    actor,
    caseId,
    page: pageRows,
    pageRow: pageRows._.selectedFields,
    order: [desc(pageRows.seq)],
    total: sql`(select count(*) from ${auditEvents} where ${auditEvents.caseId} = ${caseId})`,
  });
  const items: ActivityView[] = rows.map((r) => ({
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    detail: r.detail,
  }));
  return { items, total, page: p.page, pageSize: p.pageSize };
}
