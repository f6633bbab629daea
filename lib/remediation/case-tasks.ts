import { and, asc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { caseMembers, remediationTasks, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { LoadedCase } from "@/lib/cases/access";
import type { Person } from "./fields";
import { progressOf, toTaskView } from "./present";
import { remediationTemplates } from "./templates";
import type { CaseTasksView } from "./views";

/** Everyone who can be given a task on the case: its active lead and members, and the actor. */
async function assigneesOf(runner: DbOrTx, actor: Actor, kase: LoadedCase): Promise<Person[]> {
  const rows = await runner
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .leftJoin(caseMembers, and(eq(caseMembers.userId, users.id), eq(caseMembers.caseId, kase.row.id)))
    .where(
      and(
        eq(users.disabled, false),
        or(eq(caseMembers.caseId, kase.row.id), kase.row.leadId ? eq(users.id, kase.row.leadId) : undefined),
      ),
    )
    .orderBy(asc(users.name));
  if (!rows.some((r) => r.id === actor.id)) rows.push({ id: actor.id, name: actor.name, email: actor.email });
  return rows;
}

/** The Remediation tab: tasks in order, progress, and what the actor may do. */
export async function caseTasksView(runner: DbOrTx, actor: Actor, kase: LoadedCase): Promise<CaseTasksView> {
  const now = new Date();
  const [rows, assignees] = await Promise.all([
    runner
      .select({ task: remediationTasks, ownerName: users.name, ownerEmail: users.email })
      .from(remediationTasks)
      .leftJoin(users, eq(users.id, remediationTasks.ownerId))
      .where(eq(remediationTasks.caseId, kase.row.id))
      .orderBy(asc(remediationTasks.position), asc(remediationTasks.createdAt), asc(remediationTasks.id)),
    assigneesOf(runner, actor, kase),
  ]);
  const items = rows.map(({ task, ownerName, ownerEmail }) =>
    toTaskView(
      task,
      task.ownerId && ownerName !== null && ownerEmail !== null
        ? { id: task.ownerId, name: ownerName, email: ownerEmail }
        : null,
      now,
    ),
  );
  return {
    items,
    progress: progressOf(items),
    permissions: { manage: can(actor, "task:manage", { case: kase.access }) },
    assignees,
    templates: Object.values(remediationTemplates).map((t) => ({ id: t.id, name: t.name, steps: t.tasks.length })),
  };
}
