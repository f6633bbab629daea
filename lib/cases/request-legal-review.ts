import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { caseAccessRequests, caseMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
// Who is in a case decides who sees its personas.
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { selectAccessRequests } from "./access-request-views";
import { putMember } from "./put-member";
import { type LegalReviewInput, legalReviewInputSchema } from "./schema";
import type { LegalReviewResult } from "./views";

/**
 * Asks legal to review a case: one lawyer, or (no userId) every active legal user, becomes a member
 * with the `legal` role at once, and a request per lawyer is recorded (born granted) so legal's
 * queue lists the case until its referral work is done, and a later inbox can tell them.
 * A lawyer already working the case keeps their role; an observer is made a legal member.
 */
export async function requestLegalReview({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: LegalReviewInput;
}): Promise<LegalReviewResult> {
  const data = parseOrThrow(legalReviewInputSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const { row, access } = await loadCase(tx, actor, caseId, { forUpdate: true });
      authorize(actor, "case:request_legal_review", { case: access }, "Case");
      const lawyers = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(eq(users.role, "legal"), eq(users.disabled, false), data.userId ? eq(users.id, data.userId) : undefined),
        );
      if (lawyers.length === 0)
        throw data.userId
          ? new AppError("bad_request", "No active legal user with that id", [
              { path: "userId", message: "Choose an active legal user" },
            ])
          : new AppError("bad_request", "There are no active legal users to ask");
      const ids = lawyers.map((l) => l.id);
      const current = new Map(
        (
          await tx
            .select({ userId: caseMembers.userId, role: caseMembers.role })
            .from(caseMembers)
            .where(and(eq(caseMembers.caseId, caseId), inArray(caseMembers.userId, ids)))
        ).map((m) => [m.userId, m.role]),
      );
      const members = [];
      for (const userId of ids) {
        const role = current.get(userId);
        if (role && role !== "observer") continue;
        members.push(
          await putMember(tx, {
            actor,
            caseId,
            leadId: row.leadId,
            who: { userId },
            role: "legal",
            because: { reason: "legal_review" },
          }),
        );
      }
      const now = new Date();
      const inserted = await tx
        .insert(caseAccessRequests)
        .values(
          ids.map((userId) => ({
            caseId,
            kind: "legal_review" as const,
            userId,
            requestedById: actor.id,
            message: data.message,
            status: "granted" as const,
            decidedById: actor.id,
            decidedAt: now,
          })),
        )
        .returning({ id: caseAccessRequests.id });
      await recordAudit(tx, {
        actor,
        action: "case.legal_review_request",
        entityType: "case",
        entityId: caseId,
        caseId,
        detail: { to: data.userId ? "user" : "team", userIds: ids, message: data.message || null },
      });
      const requests = await selectAccessRequests(
        tx,
        inArray(
          caseAccessRequests.id,
          inserted.map((r) => r.id),
        ),
      );
      return { members, requests };
    }),
  );
}
