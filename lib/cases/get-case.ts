import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { loadCase } from "./access";
import { toCaseDetail } from "./present";
import type { CaseDetail } from "./views";

export async function getCase({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseDetail> {
  const { row, access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  return toCaseDetail(db, actor, row, access);
}
