import { eq } from "drizzle-orm";
import { db } from "@/db";
import { imports, users, type Import } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { AppError } from "@/lib/errors";
import { changesGraph } from "@/lib/graph/cache";
import type { JobHandler } from "@/lib/jobs/handlers";
import type { ImportError, ImportRowOutcome } from "./constants";
import { missingColumns, type Plan, type PlannedRow, rowPlanner } from "./plan-rows";
import { type ImportFormat, readSheet } from "./read-sheet";
import { judgeBatch, writeBatch } from "./write-batch";

/**
 * Rows written per transaction: each statement of a batch writes all its rows at once, so the
 * fixed cost of a batch (locks, screening, matching queue, audit) is paid every 10,000 rows, and a
 * writer waiting for the audit chain's lock waits for the end of one batch at most.
 */
export const BATCH = 10_000;
/** Rows planned between two looks at the database's answers. */
const PLAN_STEP = 500;
/** Row outcomes and errors kept for the answer and the page; the counts cover every row. */
export const MAX_KEPT = 10_000;

async function actorOf(userId: string | null): Promise<Actor> {
  const [user] = userId
    ? await db
        .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled })
        .from(users)
        .where(eq(users.id, userId))
    : [];
  if (!user || user.disabled)
    throw new AppError("forbidden", "The person who started this import can no longer sign in");
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

/** The SQLSTATE of a database error, however the driver or the query builder wrapped it. */
function sqlStateOf(error: unknown): string | null {
  for (
    let e = error, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** Errors one row's data can cause (bad data, a broken constraint, a trigger's refusal), not the database's own. */
const isRowError = (error: unknown) => /^(22|23|P0)/.test(sqlStateOf(error) ?? "");

const messageOf = (error: unknown): string => {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
};

/**
 * Writes (or judges) one batch in one transaction. When the data of some row makes the batch
 * fail, the batch is split in halves and each tried again, down to the row at fault, which is
 * refused with the database's reason while every other row goes in.
 */
async function batchOrRows(
  imp: Import,
  actor: Actor,
  batch: PlannedRow[],
  unwritten: ImportError[],
): Promise<ImportRowOutcome[]> {
  if (batch.length === 0) return [];
  try {
    return imp.dryRun
      ? await db.transaction((tx) => judgeBatch(tx, imp, batch))
      : await changesGraph(db.transaction((tx) => writeBatch(tx, imp, actor, batch)));
  } catch (error) {
    if (!isRowError(error)) throw error;
    if (batch.length === 1) {
      const [only] = batch as [PlannedRow];
      const message = `Could not be written: ${messageOf(error)}`;
      unwritten.push({ row: only.row, column: null, message });
      return [{ row: only.row, key: only.key, outcome: "refused", reason: message }];
    }
    const half = Math.ceil(batch.length / 2);
    return [
      ...(await batchOrRows(imp, actor, batch.slice(0, half), unwritten)),
      ...(await batchOrRows(imp, actor, batch.slice(half), unwritten)),
    ];
  }
}

async function finish(importId: string, values: Partial<typeof imports.$inferInsert>): Promise<void> {
  await db
    .update(imports)
    .set({ ...values, content: null, finishedAt: new Date() })
    .where(eq(imports.id, importId));
}

async function failImport(importId: string, message: string, errors: ImportError[] = []): Promise<void> {
  await finish(importId, { status: "failed", failure: message, errors: errors.slice(0, MAX_KEPT) });
}

/** Reads, checks and writes (or, in a dry run, judges) every row of one import. */
export async function runImport(
  importId: string,
  progress: (perMille: number) => Promise<void>,
  batchRows = BATCH,
): Promise<void> {
  const [imp] = await db.select().from(imports).where(eq(imports.id, importId));
  // Gone with its case, or finished by an earlier attempt: nothing to do.
  if (!imp || imp.status === "done" || imp.status === "failed" || !imp.content) return;
  await db.update(imports).set({ status: "running" }).where(eq(imports.id, importId));
  let actor: Actor;
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    actor = await actorOf(imp.createdById);
    // Rights may have changed since the import was queued.
    if (imp.caseId)
      authorize(actor, "persona:import", { case: (await loadCase(db, actor, imp.caseId)).access }, "Case");
    else authorize(actor, "persona:import_directory", {}, "Import");
    sheet = await readSheet(imp.content, imp.format as ImportFormat);
  } catch (error) {
    if (error instanceof AppError) return failImport(importId, error.message);
    throw error;
  }
  const missing = missingColumns(sheet, imp.mapping);
  if (missing.length > 0) return failImport(importId, "Columns of the mapping are missing from the file", missing);
  const planner = rowPlanner(sheet, imp.mapping, imp.phoneRegion ?? undefined);
  // A batch is planned (read and normalised) in small steps that let the writes of the batch
  // before it go on, so the database works while this process normalises.
  const planBatch = async (from: number): Promise<Plan> => {
    const plan: Plan = { rows: [], refused: [] };
    const to = Math.min(from + batchRows, sheet.rows.length);
    for (let i = from; i < to; i += PLAN_STEP) {
      const part = planner(sheet.rows.slice(i, Math.min(i + PLAN_STEP, to)));
      plan.rows.push(...part.rows);
      plan.refused.push(...part.refused);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return plan;
  };
  const outcomes: ImportRowOutcome[] = [];
  const errors: ImportError[] = [];
  let next = planBatch(0);
  for (let from = 0; from < sheet.rows.length; from += batchRows) {
    const plan = await next;
    if (from + batchRows < sheet.rows.length) next = planBatch(from + batchRows);
    for (const r of plan.refused) {
      errors.push(...r.errors);
      outcomes.push({
        row: r.row,
        key: r.key,
        outcome: "refused",
        reason: r.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join("; "),
      });
    }
    outcomes.push(...(await batchOrRows(imp, actor, plan.rows, errors)));
    await progress((1000 * Math.min(from + batchRows, sheet.rows.length)) / sheet.rows.length);
  }
  outcomes.sort((a, b) => a.row - b.row);
  const count = (o: ImportRowOutcome["outcome"]) => outcomes.filter((r) => r.outcome === o).length;
  await finish(importId, {
    status: "done",
    rows: sheet.rows.length,
    created: count("created"),
    matched: count("matched"),
    refused: count("refused"),
    errors: errors.sort((a, b) => a.row - b.row).slice(0, MAX_KEPT),
    outcomes: outcomes.slice(0, MAX_KEPT),
  });
}

export const importRowsHandler: JobHandler = {
  // Imports are heavy writers; one at a time per process.
  concurrency: 1,
  run: ({ job, progress }) => runImport(String(job.payload.importId), progress),
  async onFailed(job, message) {
    await failImport(String(job.payload.importId), `The import failed: ${message}`);
  },
};
