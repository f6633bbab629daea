import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { remediationTasks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { openTaskStatuses } from "./present";

/** A case is not closed while containment work is still open: finish each task or mark it not applicable. */
export async function assertNoOpenTasks(tx: Tx, caseId: string): Promise<void> {
  const open = await tx
    .select({ id: remediationTasks.id, title: remediationTasks.title, status: remediationTasks.status })
    .from(remediationTasks)
    .where(and(eq(remediationTasks.caseId, caseId), inArray(remediationTasks.status, [...openTaskStatuses])))
    .orderBy(asc(remediationTasks.position), asc(remediationTasks.createdAt));
  if (open.length === 0) return;
  const shown = open.slice(0, 3).map((t) => `“${t.title}”`);
  const list = open.length > 3 ? `${shown.join(", ")} and ${open.length - 3} more` : shown.join(", ");
  throw new AppError(
    "conflict",
    `${open.length} remediation task${open.length === 1 ? " is" : "s are"} still open: finish ${open.length === 1 ? "it" : "them"} or mark ${open.length === 1 ? "it" : "them"} not applicable first: ${list}`,
    { openTasks: open },
  );
}
