import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { caseTasksView } from "./case-tasks";
import type { CaseTasksView } from "./views";

export async function listCaseTasks({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseTasksView> {
  const kase = await loadCase(db, actor, caseId);
  authorize(actor, "task:read", { case: kase.access }, "Case");
  return caseTasksView(db, actor, kase);
}
