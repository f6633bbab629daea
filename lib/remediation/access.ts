import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { caseMembers, evidence, remediationTasks, type RemediationTask, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { type Action, authorize, type CaseAccess, seesCase } from "@/lib/auth/policy";
import { type LoadedCase, loadCase } from "@/lib/cases/access";
import { AppError } from "@/lib/errors";
import type { Person } from "./fields";

/** Loads a task and its case for the actor; a task on a case they cannot see is simply not found. */
export async function loadTask(
  runner: DbOrTx,
  actor: Actor,
  taskId: string,
  action: Action,
  options: { forUpdate?: boolean } = {},
): Promise<{ task: RemediationTask; kase: LoadedCase }> {
  const base = runner.select().from(remediationTasks).where(eq(remediationTasks.id, taskId));
  const [task] = options.forUpdate ? await base.for("update") : await base;
  if (!task) throw AppError.notFound("Task");
  const kase = await loadCase(runner, actor, task.caseId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? AppError.notFound("Task") : error;
  });
  authorize(actor, action, { case: kase.access }, "Task");
  return { task, kase };
}

const bad = (path: string, message: string) => new AppError("bad_request", message, [{ path, message }]);

/** A task goes only to an active user who can see its case, or it would sit in a list nobody reads. */
export async function assertOwner(runner: DbOrTx, kase: LoadedCase, ownerId: string): Promise<Person> {
  const [user] = await runner
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabled: users.disabled,
      memberRole: caseMembers.role,
    })
    .from(users)
    .leftJoin(caseMembers, and(eq(caseMembers.userId, users.id), eq(caseMembers.caseId, kase.row.id)))
    .where(eq(users.id, ownerId));
  const message = "The owner must be an active user who can see this case";
  if (!user || user.disabled) throw bad("ownerId", message);
  const access: CaseAccess = { ...kase.access, memberRole: user.memberRole };
  if (!seesCase({ id: user.id, email: user.email, name: user.name, role: user.role, via: "session" }, access))
    throw bad("ownerId", message);
  return { id: user.id, name: user.name, email: user.email };
}

/** Linked evidence must be a live exhibit of the same case. */
export async function assertEvidence(runner: DbOrTx, caseId: string, evidenceId: string): Promise<void> {
  const [row] = await runner
    .select({ id: evidence.id, deletedAt: evidence.deletedAt })
    .from(evidence)
    .where(and(eq(evidence.id, evidenceId), eq(evidence.caseId, caseId)));
  if (!row || row.deletedAt) throw bad("evidenceId", "No such evidence in this case");
}

export async function personById(runner: DbOrTx, id: string | null): Promise<Person | null> {
  if (!id) return null;
  const [user] = await runner
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, id));
  return user ?? null;
}
