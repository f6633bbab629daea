import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseAccessRequests } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { loadCase } from "./access";
import { selectAccessRequests } from "./access-request-views";
import type { AccessRequestView } from "./views";

/** The requests for access to a case that wait for a decision, for those who decide them (the lead, admins). */
export async function listAccessRequests({
  actor,
  caseId,
}: {
  actor: Actor;
  caseId: string;
}): Promise<AccessRequestView[]> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:decide_access", { case: access }, "Case");
  return selectAccessRequests(
    db,
    and(
      eq(caseAccessRequests.caseId, caseId),
      eq(caseAccessRequests.kind, "access"),
      eq(caseAccessRequests.status, "pending"),
    ),
  );
}
