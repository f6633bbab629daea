import { apiPath } from "@/lib/api/paths";
import { eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cases, exports, users, type Export } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, type Action, type CaseAccess } from "@/lib/auth/policy";
import { caseVisibleTo, loadCase } from "@/lib/cases/access";
import { AppError } from "@/lib/errors";
import { exportOptionsSchema } from "./schema";
import type { ExportView } from "./views";

/**
 * SQL twin of the policy's export:read, for lists: admins every case, legal every case they
 * see, investigators the cases they lead, managers none (they oversee, they do not export).
 */
export function exportVisibleTo(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "admin":
      return undefined;
    case "legal":
      return caseVisibleTo(actor);
    case "investigator":
      return eq(cases.leadId, actor.id);
    case "manager":
      return sql`false`;
  }
}

const exportColumns = {
  row: exports,
  caseRef: cases.ref,
  caseTitle: cases.title,
  creatorName: users.name,
  creatorEmail: users.email,
};

export type ExportRow = {
  row: Export;
  caseRef: string;
  caseTitle: string;
  creatorName: string | null;
  creatorEmail: string | null;
};

export function selectExports(runner: DbOrTx) {
  return runner
    .select(exportColumns)
    .from(exports)
    .innerJoin(cases, eq(cases.id, exports.caseId))
    .leftJoin(users, eq(users.id, exports.createdById));
}

/** An export and the actor's standing in its case; not_found when the case is invisible, forbidden when seen but not theirs to read. */
export async function loadExport(
  runner: DbOrTx,
  actor: Actor,
  id: string,
  action: Action = "export:read",
): Promise<ExportRow & { access: CaseAccess }> {
  const [found] = await selectExports(runner).where(eq(exports.id, id));
  if (!found) throw AppError.notFound("Export");
  const { access } = await loadCase(runner, actor, found.row.caseId);
  authorize(actor, action, { case: access }, "Export");
  return { ...found, access };
}

export function toExportView({ row, caseRef, caseTitle, creatorName, creatorEmail }: ExportRow): ExportView {
  // Stored options were validated on the way in; parsing again fills defaults for old rows.
  const parsed = exportOptionsSchema.safeParse(row.options);
  const options = parsed.success ? parsed.data : exportOptionsSchema.parse({});
  return {
    id: row.id,
    caseId: row.caseId,
    caseRef,
    caseTitle,
    status: row.status,
    progress: row.progress,
    fileName: row.fileName,
    size: row.size,
    sha256: row.sha256,
    manifestSha256: row.manifestSha256,
    error: row.error,
    createdBy:
      row.createdById && creatorName !== null && creatorEmail !== null
        ? { id: row.createdById, name: creatorName, email: creatorEmail }
        : null,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    options: {
      excluded: options.exclude.length,
      privileged: options.privileged,
      includeReport: options.includeReport,
      includeStix: options.includeStix,
      includeGraph: options.includeGraph,
    },
    downloadUrl: row.status === "done" ? apiPath("/api/exports/{id}/download", { id: row.id }) : null,
  };
}
