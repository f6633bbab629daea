import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { evidence, importSources, imports, jobs, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { AppError } from "@/lib/errors";
import { exhibitLabel } from "@/lib/evidence/views";
import type { ImportMapping } from "./constants";
import { IMPORT_ROWS } from "./job-kind";
import type { ImportView } from "./views";

/**
 * GET /api/imports/{id}: its status, counts, progress and row errors. An import into a case is
 * seen by whoever may import into that case (an invisible case answers not_found); one into the
 * shared directory by its author and admins.
 */
export async function getImport({ actor, importId }: { actor: Actor; importId: string }): Promise<ImportView> {
  const [found] = await db
    .select({
      imp: {
        id: imports.id,
        status: imports.status,
        dryRun: imports.dryRun,
        source: imports.source,
        mapping: imports.mapping,
        fileName: imports.fileName,
        sha256: imports.sha256,
        caseId: imports.caseId,
        evidenceId: imports.evidenceId,
        rows: imports.rows,
        created: imports.created,
        matched: imports.matched,
        refused: imports.refused,
        failure: imports.failure,
        errors: imports.errors,
        outcomes: imports.outcomes,
        createdById: imports.createdById,
        createdAt: imports.createdAt,
        finishedAt: imports.finishedAt,
      },
      exhibitNo: evidence.exhibitNo,
      createdBy: users.name,
      progress: jobs.progress,
    })
    .from(imports)
    .leftJoin(evidence, eq(evidence.id, imports.evidenceId))
    .leftJoin(users, eq(users.id, imports.createdById))
    .leftJoin(jobs, and(eq(jobs.kind, IMPORT_ROWS), sql`${jobs.key} = ${imports.id}::text`))
    .where(eq(imports.id, importId));
  if (!found) throw AppError.notFound("Import");
  const { imp } = found;
  if (imp.caseId) {
    const { access } = await loadCase(db, actor, imp.caseId).catch(() => {
      throw AppError.notFound("Import");
    });
    authorize(actor, "persona:import", { case: access }, "Import");
  } else if (!(can(actor, "persona:import_directory") || imp.createdById === actor.id)) {
    throw AppError.notFound("Import");
  }
  return {
    id: imp.id,
    status: imp.status,
    progress: imp.status === "done" ? 1000 : (found.progress ?? 0),
    dryRun: imp.dryRun,
    source: imp.source,
    mapping: imp.mapping,
    fileName: imp.fileName,
    sha256: imp.sha256,
    caseId: imp.caseId,
    evidence:
      imp.evidenceId && found.exhibitNo ? { id: imp.evidenceId, exhibitNo: exhibitLabel(found.exhibitNo) } : null,
    rows: imp.rows,
    created: imp.created,
    matched: imp.matched,
    refused: imp.refused,
    failure: imp.failure,
    errors: imp.errors,
    outcomes: imp.outcomes,
    createdBy: found.createdBy,
    createdAt: imp.createdAt.toISOString(),
    finishedAt: imp.finishedAt?.toISOString() ?? null,
  };
}

/** The mapping last used for each source system, for the import page to offer again. */
export async function listImportSources({ actor }: { actor: Actor }): Promise<ImportMapping[]> {
  authorize(actor, "persona:write");
  const rows = await db.select({ mapping: importSources.mapping }).from(importSources).orderBy(importSources.name);
  return rows.map((r) => r.mapping);
}

/**
 * Where the import page would put rows, checked as POST /api/imports checks it: a case the actor
 * works (not_found when invisible, forbidden otherwise), or the shared directory (admins).
 */
export async function importTarget({
  actor,
  caseId,
}: {
  actor: Actor;
  caseId: string | undefined;
}): Promise<{ id: string; ref: string; title: string } | null> {
  if (!caseId) {
    authorize(actor, "persona:import_directory", {}, "Import");
    return null;
  }
  const { row, access } = await loadCase(db, actor, caseId);
  authorize(actor, "persona:import", { case: access }, "Case");
  return { id: row.id, ref: row.ref, title: row.title };
}
