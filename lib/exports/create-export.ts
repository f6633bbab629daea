import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { evidence, exports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { AppError, parseOrThrow } from "@/lib/errors";
import { wakeJobs } from "@/lib/jobs/worker";
import { queueBuild } from "./build-job";
import { nextBatesNumber, overlappingProduction } from "./production/bates";
import { batesNumber } from "./production/plan";
import { type ExportOptionsInput, exportOptionsSchema } from "./schema";

/**
 * Records an export and queues its build (a job any instance may run); answers at once with its id.
 * Exclusions must name live items of this case. The build reads the case as it is when it
 * starts, and the progress is on the export record for anyone polling it.
 */
export async function createExport({
  actor,
  caseId,
  options,
}: {
  actor: Actor;
  caseId: string;
  options?: ExportOptionsInput;
}): Promise<{ id: string }> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "export:create", { case: access }, "Case");
  const parsed = parseOrThrow(exportOptionsSchema, options ?? {}, "Invalid export options");
  if (parsed.exclude.length > 0) {
    const ids = parsed.exclude.map((e) => e.evidenceId);
    const live = await db
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.caseId, caseId), isNull(evidence.deletedAt), inArray(evidence.id, ids)));
    const known = new Set(live.map((r) => r.id));
    const unknown = parsed.exclude.flatMap((e, i) =>
      known.has(e.evidenceId) ? [] : [{ path: `options.exclude.${i}.evidenceId`, message: "Not an item of this case" }],
    );
    if (unknown.length > 0)
      throw new AppError("bad_request", "Some excluded items are not items of this case", unknown);
  }
  const asked = parsed.production;
  if (asked?.startNumber !== undefined) {
    // Checked again, atomically, when the build takes its range; this answers at once.
    const clash = await overlappingProduction(db, caseId, asked.batesPrefix, asked.startNumber, asked.startNumber);
    if (clash) {
      const next = await nextBatesNumber(db, caseId, asked.batesPrefix);
      throw new AppError(
        "conflict",
        `${batesNumber(asked.batesPrefix, asked.startNumber)} was already produced in this case; the next free number is ${next}.`,
        [
          {
            path: "options.production.startNumber",
            message: `Already produced in this case: leave it empty or start at ${next}`,
          },
        ],
      );
    }
  }
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(exports).values({ id, caseId, createdById: actor.id, status: "queued", options: parsed });
    await queueBuild(tx, id);
    await recordAudit(tx, {
      actor,
      action: "export.create",
      entityType: "export",
      entityId: id,
      caseId,
      detail: {
        excluded: parsed.exclude,
        privileged: parsed.privileged,
        includeReport: parsed.includeReport,
        includeStix: parsed.includeStix,
        includeGraph: parsed.includeGraph,
        production: parsed.production,
      },
    });
  });
  wakeJobs();
  return { id };
}
