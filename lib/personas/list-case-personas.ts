import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { casePersonaViews } from "./case-persona-views";
import type { CasePersonaView } from "./views";

/** Every persona in the case: seeing the case is enough to see them. */
export async function listCasePersonas({
  actor,
  caseId,
}: {
  actor: Actor;
  caseId: string;
}): Promise<CasePersonaView[]> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  authorize(actor, "persona:read");
  return casePersonaViews(db, actor, caseId);
}
