import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { loadCase } from "./access";
import { toCaseDetail } from "./present";
import type { CaseMemberView } from "./views";

export async function listMembers({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseMemberView[]> {
  const { row, access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  return (await toCaseDetail(db, actor, row, access)).members;
}
