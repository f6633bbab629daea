import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseAccessRequests, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
// Who is in a case decides who sees its personas.
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { selectAccessRequests } from "./access-request-views";
import { putMember } from "./put-member";
import { type AccessDecisionInput, accessDecisionSchema } from "./schema";
import type { AccessRequestView } from "./views";

/**
 * The lead (or an admin) grants a pending request for access, which makes the requester a member
 * (legal users as `legal`, others as `investigator`, unless a role is given), or refuses it.
 * Either way the decision is kept on the request and audited.
 */
export async function decideAccessRequest({
  actor,
  caseId,
  requestId,
  input,
}: {
  actor: Actor;
  caseId: string;
  requestId: string;
  input: AccessDecisionInput;
}): Promise<AccessRequestView> {
  const data = parseOrThrow(accessDecisionSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const { row, access } = await loadCase(tx, actor, caseId, { forUpdate: true });
      authorize(actor, "case:decide_access", { case: access }, "Case");
      const [request] = await tx
        .select({ id: caseAccessRequests.id, status: caseAccessRequests.status, userRole: users.role })
        .from(caseAccessRequests)
        .innerJoin(users, eq(users.id, caseAccessRequests.userId))
        .where(
          and(
            eq(caseAccessRequests.id, requestId),
            eq(caseAccessRequests.caseId, caseId),
            eq(caseAccessRequests.kind, "access"),
          ),
        )
        .for("update", { of: caseAccessRequests });
      if (!request) throw AppError.notFound("Access request");
      if (request.status !== "pending") throw new AppError("conflict", `This request was already ${request.status}`);
      const [target] = await tx
        .update(caseAccessRequests)
        .set({
          status: data.decision === "grant" ? "granted" : "refused",
          decidedById: actor.id,
          decidedAt: new Date(),
        })
        .where(eq(caseAccessRequests.id, requestId))
        .returning({ userId: caseAccessRequests.userId });
      if (!target) throw new Error("access request update returned nothing");
      let role: string | null = null;
      if (data.decision === "grant") {
        const member = await putMember(tx, {
          actor,
          caseId,
          leadId: row.leadId,
          who: { userId: target.userId },
          role: data.role ?? (request.userRole === "legal" ? "legal" : "investigator"),
          because: { accessRequestId: requestId },
        });
        role = member.role;
      }
      // Read before the audit event: the chain stays locked from the append to the commit.
      const [view] = await selectAccessRequests(tx, eq(caseAccessRequests.id, requestId));
      if (!view) throw new Error("access request vanished");
      await recordAudit(tx, {
        actor,
        action: data.decision === "grant" ? "case.access_grant" : "case.access_refuse",
        entityType: "case",
        entityId: caseId,
        caseId,
        detail: { requestId, userId: target.userId, role },
      });
      return view;
    }),
  );
}
