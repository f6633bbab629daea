import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { cases, evidence, exports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { AppError, parseOrThrow } from "@/lib/errors";
import { exportVisibleTo, loadExport, selectExports, toExportView } from "./access";
import { scheduleBuild } from "./jobs";
import { acquireLease, releaseLease } from "./lease";
import { type ExportListQuery, exportListQuerySchema, type ExportOptionsInput, exportOptionsSchema } from "./schema";
import type { ExportList, ExportView } from "./views";

/**
 * Records an export and starts building it in the background; answers at once with its id.
 * Exclusions must name live items of this case. The build reads the case as it is when it
 * starts, and the progress is on the export record for anyone polling it.
 */
export async function createExport({ actor, caseId, options }: { actor: Actor; caseId: string; options?: ExportOptionsInput }): Promise<{ id: string }> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "export:create", { case: access }, "Case");
  const parsed = parseOrThrow(exportOptionsSchema, options ?? {}, "Invalid export options");
  if (parsed.exclude.length > 0) {
    const ids = parsed.exclude.map((e) => e.evidenceId);
    const live = await db.select({ id: evidence.id }).from(evidence).where(and(eq(evidence.caseId, caseId), isNull(evidence.deletedAt), inArray(evidence.id, ids)));
    const known = new Set(live.map((r) => r.id));
    const unknown = parsed.exclude.flatMap((e, i) => (known.has(e.evidenceId) ? [] : [{ path: `options.exclude.${i}.evidenceId`, message: "Not an item of this case" }]));
    if (unknown.length > 0) throw new AppError("bad_request", "Some excluded items are not items of this case", unknown);
  }
  const id = randomUUID();
  // Leased before the row exists, so an instance starting up never takes it for abandoned.
  await acquireLease(id);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(exports).values({ id, caseId, createdById: actor.id, status: "queued", options: parsed });
      await recordAudit(tx, {
        actor,
        action: "export.create",
        entityType: "export",
        entityId: id,
        caseId,
        detail: { excluded: parsed.exclude, privileged: parsed.privileged, includeReport: parsed.includeReport, includeStix: parsed.includeStix, includeGraph: parsed.includeGraph },
      });
    });
  } catch (error) {
    releaseLease(id);
    throw error;
  }
  scheduleBuild(id);
  return { id };
}

export async function getExport({ actor, exportId }: { actor: Actor; exportId: string }): Promise<ExportView> {
  return toExportView(await loadExport(db, actor, exportId));
}

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

/** What the case page needs to offer the export button: the permissions, and which live items are marked privileged. */
export async function exportPermissions({ actor, caseId }: { actor: Actor; caseId: string }): Promise<{ create: boolean; read: boolean; privilegedEvidenceIds: string[] }> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  const create = can(actor, "export:create", { case: access });
  const privileged = create
    ? await db.select({ id: evidence.id }).from(evidence).where(and(eq(evidence.caseId, caseId), isNull(evidence.deletedAt), eq(evidence.privileged, true)))
    : [];
  return { create, read: can(actor, "export:read", { case: access }), privilegedEvidenceIds: privileged.map((r) => r.id) };
}
