import { and, count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { cases, exports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { parseOrThrow } from "@/lib/errors";
import { exportVisibleTo, selectExports, toExportView } from "./access";
import { type ExportListQuery, exportListQuerySchema } from "./schema";
import type { ExportList } from "./views";

/** Exports of the cases whose packs the actor may read, newest first; `caseId` narrows to one case. */
export async function listExports({ actor, query }: { actor: Actor; query?: ExportListQuery }): Promise<ExportList> {
  const q = parseOrThrow(exportListQuerySchema, query ?? {});
  const where = and(exportVisibleTo(actor), q.caseId ? eq(exports.caseId, q.caseId) : undefined);
  const [rows, totals] = await Promise.all([
    selectExports(db)
      .where(where)
      .orderBy(desc(exports.createdAt), desc(exports.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(exports).innerJoin(cases, eq(cases.id, exports.caseId)).where(where),
  ]);
  return { items: rows.map(toExportView), total: Number(totals[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
