import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { cases, remediationTasks, type TaskStatus, taskStatuses, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseVisibleTo } from "@/lib/cases/access";
import { parseOrThrow } from "@/lib/errors";
import { openTaskStatuses, toTaskView } from "./present";
import { type MyTasksQuery, myTasksQuerySchema } from "./schema";
import type { MyTasksView } from "./views";

function statusesFor(filter: string): readonly TaskStatus[] {
  if (filter === "open") return openTaskStatuses;
  if (filter === "finished") return ["done", "not_applicable"];
  if (filter === "all") return taskStatuses;
  return filter.split(",") as TaskStatus[];
}

/**
 * Tasks across cases, soonest due first (undated last). Defaults to the actor's own open tasks.
 * Only cases the actor may see count, so a task on a case they have left drops out of the list.
 */
export async function listMyTasks({ actor, query }: { actor: Actor; query?: MyTasksQuery }): Promise<MyTasksView> {
  const q = parseOrThrow(myTasksQuerySchema, query ?? {});
  const ownerId = q.owner === "me" ? actor.id : q.owner;
  const where = and(
    eq(remediationTasks.ownerId, ownerId),
    inArray(remediationTasks.status, [...statusesFor(q.status)]),
    caseVisibleTo(actor),
  );
  const now = new Date();
  const [rows, totals] = await Promise.all([
    db
      .select({
        task: remediationTasks,
        caseRef: cases.ref,
        caseTitle: cases.title,
        ownerName: users.name,
        ownerEmail: users.email,
      })
      .from(remediationTasks)
      .innerJoin(cases, eq(cases.id, remediationTasks.caseId))
      .leftJoin(users, eq(users.id, remediationTasks.ownerId))
      .where(where)
      .orderBy(sql`${remediationTasks.dueAt} asc nulls last`, asc(cases.ref), asc(remediationTasks.position))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(remediationTasks)
      .innerJoin(cases, eq(cases.id, remediationTasks.caseId))
      .where(where),
  ]);
  return {
    items: rows.map(({ task, caseRef, caseTitle, ownerName, ownerEmail }) => ({
      ...toTaskView(
        task,
        ownerName !== null && ownerEmail !== null && task.ownerId
          ? { id: task.ownerId, name: ownerName, email: ownerEmail }
          : null,
        now,
      ),
      caseRef,
      caseTitle,
    })),
    total: Number(totals[0]?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}
