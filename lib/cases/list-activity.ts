import { desc, eq, sql } from "drizzle-orm";
import { auditEvents, type AuditEvent } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { parseOrThrow } from "@/lib/errors";
import { casePageParams, casePageReader } from "./case-page-read";
import { pageQuerySchema } from "./schema";
import type { ActivityView } from "./views";

const readActivity = casePageReader<AuditEvent>("case_activity_page", (db) => {
  const { caseId, limit, offset } = casePageParams;
  const page = db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.caseId, caseId))
    .orderBy(desc(auditEvents.seq))
    .limit(limit)
    .offset(offset)
    .as("page_rows");
  return {
    page,
    pageRow: page._.selectedFields,
    order: [desc(page.seq)],
    total: sql`(select count(*) from ${auditEvents} where ${auditEvents.caseId} = ${caseId})`,
  };
});

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
  const { rows, total } = await readActivity({ actor, caseId, page: p.page, pageSize: p.pageSize });
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
